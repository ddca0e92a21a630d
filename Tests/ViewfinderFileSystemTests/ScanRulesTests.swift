import Foundation
import NIOPosix
import Testing
import ViewfinderCore
import ViewfinderFileSystem
import ViewfinderTestSupport

/// Ignore patterns (configuration and `.viewfinderignore`) and followed folder links.
struct ScanRulesTests {
    @Test func patternsMatchNamesAnywhereAndPathsWhenAnchored() {
        let patterns = IgnorePatterns(base: "", lines: ["# comment", "*.tmp", "raw/*.dng", "cache/", ""])
        #expect(patterns.excludes("a/b/x.tmp", isFolder: false))
        #expect(patterns.excludes("raw/one.dng", isFolder: false))
        #expect(!patterns.excludes("other/raw/one.dng", isFolder: false))
        #expect(patterns.excludes("x/cache", isFolder: true))
        #expect(!patterns.excludes("x/cache", isFolder: false))
        #expect(!patterns.excludes("a/photo.jpg", isFolder: false))
        let local = IgnorePatterns(base: "trips", lines: ["drafts/*"])
        #expect(local.excludes("trips/drafts/a.jpg", isFolder: false))
        #expect(!local.excludes("drafts/a.jpg", isFolder: false))
    }

    @Test func scanSkipsConfiguredAndIgnoreFilePatterns() async throws {
        let root = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("trips/drafts"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("@eaDir"), withIntermediateDirectories: true)
        for name in ["keep.jpg", "skip.tmp.jpg", "@eaDir/thumb.jpg", "trips/a.jpg", "trips/drafts/b.jpg", "trips/c.png"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(name))
        }
        try Data("drafts/\n*.png\n".utf8).write(to: root.appendingPathComponent("trips/.viewfinderignore"))
        let rules = LibraryScanRules(ignore: ["*.tmp.jpg", "@eaDir/"])
        let scan = try await LocalLibraryFileSystem(threadPool: .singleton, rules: rules).scan(root: root.path)
        #expect(scan.pictures.map(\.relativePath) == ["keep.jpg", "trips/a.jpg"])
    }

    @Test func folderLinksAreFollowedOnlyWhenConfiguredAndLoopsEnd() async throws {
        let root = try TestPaths.makeTemporaryDirectory()
        let outside = try TestPaths.makeTemporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("a/one.jpg"))
        try Data("y".utf8).write(to: outside.appendingPathComponent("two.jpg"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/loop").path, withDestinationPath: root.path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("linked").path, withDestinationPath: outside.path)
        let plain = try await LocalLibraryFileSystem(threadPool: .singleton).scan(root: root.path)
        #expect(plain.pictures.map(\.relativePath) == ["a/one.jpg"])
        let following = try await LocalLibraryFileSystem(
            threadPool: .singleton, rules: LibraryScanRules(followSymlinks: true)
        ).scan(root: root.path)
        #expect(following.pictures.map(\.relativePath) == ["a/one.jpg", "linked/two.jpg"])
    }
}
