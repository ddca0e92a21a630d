import Foundation
import NIOPosix
import Testing
import ViewfinderCore
import ViewfinderFileSystem
import ViewfinderTestSupport

/// `read(_:)` on real files: the bytes exactly, their SHA-256 computed while reading, and per-file errors.
struct FileReadingTests {
    private static func entry(_ root: URL, _ name: String) throws -> LibraryFile {
        let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(name).path)
        return LibraryFile(
            root: root.path, relativePath: name, size: (attributes[.size] as? NSNumber)?.int64Value ?? -1,
            modifiedAt: attributes[.modificationDate] as? Date ?? Date())
    }

    @Test("the hash computed while reading is the SHA-256 of the bytes (known vectors)", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ])
    func knownVectors(content: String, sha256: String) async throws {
        let root = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(content.utf8).write(to: root.appendingPathComponent("file.jpg"))
        let contents = try await LocalLibraryFileSystem(threadPool: .singleton).read(try Self.entry(root, "file.jpg"))
        #expect(contents.contentHash == sha256)
        #expect(contents.picture.bytes == Array(content.utf8))
        #expect(contents.picture.name == "file.jpg")
    }

    @Test("a file of several read chunks comes back byte for byte, with the hash contentHash(of:) computes")
    func largeFile() async throws {
        let root = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // 3.5 chunks of 1 MiB, not a multiple of anything, with varied bytes.
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<(3 * (1 << 20) + 524_289)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(bytes).write(to: root.appendingPathComponent("big.jpg"))
        let files = LocalLibraryFileSystem(threadPool: .singleton)
        let entry = try Self.entry(root, "big.jpg")
        let contents = try await files.read(entry)
        #expect(contents.picture.bytes == bytes)
        #expect(contents.contentHash == (try await files.contentHash(of: entry)))
    }

    @Test("unreadable, missing and oversized files fail with the per-file errors hashing gives")
    func failures() async throws {
        let root = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = LocalLibraryFileSystem(threadPool: .singleton, maximumReadBytes: 10)
        try Data("0123456789".utf8).write(to: root.appendingPathComponent("ten.jpg"))
        #expect(try await files.read(try Self.entry(root, "ten.jpg")).picture.bytes.count == 10)
        try Data("0123456789A".utf8).write(to: root.appendingPathComponent("eleven.jpg"))
        let large = await #expect(throws: ViewfinderError.self) { try await files.read(try Self.entry(root, "eleven.jpg")) }
        #expect(large?.code == .decodeFailed)
        #expect(large?.message.hasPrefix("eleven.jpg: the file is larger than") == true)

        let gone = LibraryFile(root: root.path, relativePath: "gone.jpg", size: 1, modifiedAt: Date())
        let missing = await #expect(throws: ViewfinderError.self) { try await files.read(gone) }
        let hashed = await #expect(throws: ViewfinderError.self) { try await files.contentHash(of: gone) }
        #expect(missing?.message == "gone.jpg: the file no longer exists")
        #expect(missing?.message == hashed?.message)

        try FileManager.default.createDirectory(at: root.appendingPathComponent("folder.jpg"), withIntermediateDirectories: false)
        let folder = LibraryFile(root: root.path, relativePath: "folder.jpg", size: 0, modifiedAt: Date())
        let folderRead = await #expect(throws: ViewfinderError.self) { try await files.read(folder) }
        let folderHash = await #expect(throws: ViewfinderError.self) { try await files.contentHash(of: folder) }
        #expect(folderRead?.message == "folder.jpg: the file could not be read")
        #expect(folderRead?.message == folderHash?.message)
    }
}
