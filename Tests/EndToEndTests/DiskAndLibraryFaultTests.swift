import Foundation
import Testing
import ViewfinderTestSupport

/// The SQLite catalog on a full disk, and a library Viewfinder may only read. Both mount filesystems, which needs
/// root (the test machine and CI run as root); a failing mount fails the test.
@Suite(.serialized)
struct DiskAndLibraryFaultTests {
    @Test func aFullDiskIsAClearErrorAndIndexingContinuesOnceSpaceIsFreed() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let library = harness.folder.appendingPathComponent("disk-library")
        try CrashResumeTests.generateLibrary(library, count: 400)
        let small = harness.folder.appendingPathComponent("small-library")
        try CrashResumeTests.generateLibrary(small, count: 20)
        let disk = harness.folder.appendingPathComponent("tiny-disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        try Self.shell("mount -t tmpfs -o size=4m viewfinder-full-disk '\(disk.path)'")
        defer { _ = try? Self.shell("umount '\(disk.path)'") }
        let database = disk.appendingPathComponent("catalog.db")
        let catalog = ["--database", "sqlite://\(database.path)"]

        // A catalog with a few photos, then the disk is filled up to its last 48 KB.
        let first = try harness.viewfinder(["index", small.path, "--model", "viewfinder-test-tiny", "--json"] + catalog)
        try #require(first.status == 0, "\(first.stderr)")
        let filler = disk.appendingPathComponent("filler")
        try Self.shell(
            "python3 -c \"import os; s = os.statvfs('\(disk.path)'); open('\(filler.path)', 'wb').write(b'x' * max(0, s.f_bavail * s.f_frsize - 48 * 1024))\"")

        let full = try harness.viewfinder(["index", library.path, "--model", "viewfinder-test-tiny", "--json"] + catalog)
        #expect(full.status != 0, "indexing 400 photos into 48 KB succeeded")
        #expect(full.stderr.contains("is full"), "not a clear disk-full error: \(full.stderr)")
        #expect(!full.stderr.contains("SQLITE"), "the error shows the driver's text: \(full.stderr)")
        #expect(try Self.sqlite(database, "PRAGMA integrity_check") == "ok")
        #expect(try Int(Self.sqlite(database, "SELECT COUNT(*) FROM photos WHERE index_status = 'indexed'")) ?? 0 >= 20)

        try FileManager.default.removeItem(at: filler)
        let resumed = try harness.viewfinder(["index", library.path, "--model", "viewfinder-test-tiny", "--json"] + catalog)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Self.sqlite(database, "PRAGMA integrity_check") == "ok")
        #expect(try Self.sqlite(database, "SELECT COUNT(*) FROM photos") == "420")
        #expect(try Self.sqlite(database, "SELECT COUNT(*) FROM photos WHERE index_status <> 'indexed'") == "0")
        #expect(
            try Self.sqlite(
                database,
                "SELECT COUNT(*) FROM photos p WHERE (SELECT COUNT(*) FROM embeddings e WHERE e.photo_id = p.id) <> 1")
                == "0")
    }

    @Test func aReadOnlyLibraryIsIndexedWithoutASingleWrite() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let source = harness.folder.appendingPathComponent("library-source")
        try CrashResumeTests.generateLibrary(source, count: 60)
        // Metadata-bearing colour photos too, so sidecar-worthy files are in the library.
        try Self.shell("cp -a '\(harness.library.path)' '\(source.path)/colours'")
        // chmod alone does not stop root: the library is also a read-only bind mount.
        try Self.shell("chmod -R a-w '\(source.path)'")
        let library = harness.folder.appendingPathComponent("library-ro")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        try Self.shell("mount --bind '\(source.path)' '\(library.path)' && mount -o remount,bind,ro '\(library.path)'")
        defer { _ = try? Self.shell("umount '\(library.path)'; chmod -R u+w '\(source.path)'") }
        let before = try Self.listing(source)

        let result = try harness.viewfinder(
            ["index", library.path, "--model", "viewfinder-test-tiny", "--json"], environment: ["VIEWFINDER_THUMBNAILS": "index"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONDecoder().decode(IndexReport.self, from: Data((result.stdout.split(separator: "\n").last ?? "").utf8))
        #expect(report.failures.isEmpty, "\(report.failures.map(\.reason))")
        #expect(report.embedded >= 60)
        // Searching and a second pass read the library again.
        _ = try harness.viewfinder(["search", "red", "--model", "viewfinder-test-tiny", "--json"])
        _ = try harness.viewfinder(["index", library.path, "--model", "viewfinder-test-tiny", "--json"])

        let after = try Self.listing(source)
        #expect(before == after, "the library changed: \(Set(after).symmetricDifference(before).sorted().prefix(5))")
        // The thumbnails went to the storage folder.
        let thumbnails = try Self.shell("find '\(harness.storage.path)' -type f \\( -iname '*.jpg' -o -iname '*.webp' \\) | wc -l")
        #expect(Int(thumbnails.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= report.embedded)
    }

    // MARK: - Helpers

    /// Every entry under `folder` with its type, size, mode and modification time in nanoseconds.
    private static func listing(_ folder: URL) throws -> [String] {
        try shell("cd '\(folder.path)' && find . -printf '%p\\t%y\\t%s\\t%m\\t%T@\\n' | sort")
            .split(separator: "\n").map(String.init)
    }

    @discardableResult
    private static func shell(_ command: String) throws -> String {
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command])
        try #require(result.status == 0, "\(command) failed: \(result.stderr)")
        return result.stdout
    }

    private static func sqlite(_ database: URL, _ sql: String) throws -> String {
        let script = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])"
        let result = try ProcessRunner.run(ProcessRunner.python, ["-c", script, database.path, sql])
        try #require(result.status == 0, "sqlite query failed: \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
