import Foundation
import NIOPosix
import Testing
import ViewfinderCore
import ViewfinderFileSystem
import ViewfinderTestSupport

/// Scans and hashes real files in a temporary folder.
struct LocalLibraryFileSystemTests {
    @Test func scanFindsPicturesRecursivelyAndSkipsHiddenAndOtherFiles() async throws {
        let root = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        for name in ["one.JPG", "a/two.png", "a/b/three.webp", ".hidden/four.jpg", ".five.jpg", "notes.txt"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(name))
        }
        let scan = try await LocalLibraryFileSystem(threadPool: .singleton).scan(root: root.path)
        #expect(scan.pictures.map(\.relativePath) == ["a/b/three.webp", "a/two.png", "one.JPG"])
        #expect(scan.unsupported.map(\.relativePath) == ["notes.txt"])
        #expect(scan.pictures.allSatisfy { $0.size == 1 })
    }

    @Test func missingRootIsAReadableError() async throws {
        await #expect(throws: ViewfinderError.self) {
            _ = try await LocalLibraryFileSystem(threadPool: .singleton).scan(root: "/nonexistent/viewfinder-library")
        }
    }

    @Test func contentHashIsTheSHA256OfTheBytes() async throws {
        let root = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("abc".utf8).write(to: root.appendingPathComponent("abc.jpg"))
        let file = LibraryFile(root: root.path, relativePath: "abc.jpg", size: 3, modifiedAt: Date())
        let hash = try await LocalLibraryFileSystem(threadPool: .singleton).contentHash(of: file)
        #expect(hash == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
