import Foundation
import NIOPosix
import Testing
import ViewfinderCore
import ViewfinderFileSystem
import ViewfinderTestSupport

/// Links, loops and files that change: the scanner must terminate and every picture-named entry must explain itself.
struct SymbolicLinkTests {
    @Test func linksToFilesAreListedLoopsAreReportedAndLinkedFoldersAreNotFollowed() async throws {
        let root = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("abcd".utf8).write(to: root.appendingPathComponent("real.jpg"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("self.jpg").path, withDestinationPath: "self.jpg")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a.jpg").path, withDestinationPath: "b.jpg")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("b.jpg").path, withDestinationPath: "a.jpg")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("dangling.jpg").path, withDestinationPath: "gone.jpg")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("alias.jpg").path, withDestinationPath: "real.jpg")
        // Folder cycles: a link to the parent and one to the root itself.
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("sub/root").path, withDestinationPath: root.path)

        let files = LocalLibraryFileSystem(threadPool: .singleton)
        let scan = try await files.scan(root: root.path)
        #expect(scan.pictures.map(\.relativePath) == ["a.jpg", "alias.jpg", "b.jpg", "dangling.jpg", "real.jpg", "self.jpg"])
        #expect(scan.pictures.first { $0.relativePath == "alias.jpg" }?.size == 4)

        let reasons = await withTaskGroup(of: (String, String).self) { group in
            for file in scan.pictures {
                group.addTask {
                    do {
                        return (file.relativePath, "hash " + (try await files.contentHash(of: file)).prefix(8))
                    } catch {
                        return (file.relativePath, (error as? ViewfinderError)?.message ?? "\(error)")
                    }
                }
            }
            var reasons: [String: String] = [:]
            for await (path, reason) in group { reasons[path] = reason }
            return reasons
        }
        #expect(reasons["self.jpg"] == "self.jpg: symbolic link loop (the link points back to itself)")
        #expect(reasons["a.jpg"]?.hasSuffix("symbolic link loop (the link points back to itself)") == true)
        #expect(reasons["dangling.jpg"] == "dangling.jpg: broken symbolic link (its target does not exist)")
        #expect(reasons["alias.jpg"] == reasons["real.jpg"])
        #expect(reasons["real.jpg"]?.hasPrefix("hash ") == true)
    }

    @Test func currentStateSeesAChange() async throws {
        let root = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("growing.jpg")
        try Data("abc".utf8).write(to: url)
        let files = LocalLibraryFileSystem(threadPool: .singleton)
        let scanned = try #require(try await files.scan(root: root.path).pictures.first)
        let same = try await files.currentState(of: scanned)
        #expect(same == scanned)
        try Data("abcdef".utf8).write(to: url)
        let changed = try await files.currentState(of: scanned)
        #expect(changed.size == 6)
        try FileManager.default.removeItem(at: url)
        await #expect(throws: ViewfinderError.self) { _ = try await files.currentState(of: scanned) }
    }
}
