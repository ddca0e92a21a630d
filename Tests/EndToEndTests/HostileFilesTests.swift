import Foundation
import Testing
import ViewfinderTestSupport

/// Indexes a library that mixes good photos with the hostile corpus (`tools/samples/generate_hostile_corpus.py`).
@Suite(.serialized)
struct HostileFilesTests {
    struct Entry: Decodable {
        let file: String
        let expect: String
        let reason: String?
    }

    /// Writes the hostile corpus into `folder` and returns its manifest.
    static func hostileCorpus(in folder: URL) throws -> [Entry] {
        let script = TestPaths.repositoryRoot.appendingPathComponent("tools/samples/generate_hostile_corpus.py")
        let generated = try ProcessRunner.run(ProcessRunner.python, [script.path, folder.path])
        try #require(generated.status == 0, "hostile corpus generator failed: \(generated.stderr)")
        return try JSONDecoder().decode([Entry].self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
    }

    @Test func everyBadFileIsReportedWithItsReasonAndEveryGoodPhotoIsIndexed() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let hostile = harness.library.appendingPathComponent("hostile")
        let entries = try Self.hostileCorpus(in: hostile)
        // Tests run as root, which reads a mode-000 file anyway; see the next test for the unprivileged case.
        let asRoot = getuid() == 0
        let failing = entries.filter { $0.expect == "fail" || ($0.expect == "fail-unless-root" && !asRoot) }
        let good = entries.filter { $0.expect == "ok" || ($0.expect == "fail-unless-root" && asRoot) }

        let started = Date()
        let result = try harness.viewfinder(["index", harness.library.path, "--model", "viewfinder-test-tiny"])
        #expect(result.status == 0, "index failed: \(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 300, "indexing stalled")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for entry in failing {
            let reason = try #require(entry.reason)
            let line = lines.first { $0.hasPrefix("failed: hostile/\(entry.file): ") }
            #expect(line?.contains(reason) == true, "\(entry.file): expected '\(reason)', got \(line ?? "no report")")
        }
        for entry in good {
            #expect(!lines.contains { $0.hasPrefix("failed: hostile/\(entry.file):") }, "\(entry.file) should be indexed")
        }
        let summary = try #require(lines.last)
        let pictures = 30 + failing.count + good.count
        #expect(summary.hasPrefix("indexed \(harness.library.path) with viewfinder-test-tiny: "), "\(summary)")
        #expect(summary.contains("\(pictures) pictures found, \(30 + good.count) embedded"), "\(summary)")
        #expect(summary.contains("\(failing.count) failed"), "\(summary)")

        // The good photos are searchable; the second run retries nothing that did not change.
        #expect(try harness.search("red", limit: 2).allSatisfy { $0.hasPrefix("red/") })
        let again = try harness.index()
        #expect(again.embedded == 0)
        #expect(again.failures.isEmpty)
    }

    @Test func anUnreadableFileIsReportedAsPermissionDeniedForAnUnprivilegedUser() throws {
        let folder = try TestPaths.makeTemporaryDirectory("viewfinder-e2e-nobody")
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = folder.appendingPathComponent("library")
        let storage = folder.appendingPathComponent("storage")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: storage, withIntermediateDirectories: true)
        let entries = try Self.hostileCorpus(in: folder.appendingPathComponent("corpus"))
        #expect(entries.contains { $0.file == "unreadable.jpg" })
        for name in ["unreadable.jpg", "tiny.png"] {
            let source = folder.appendingPathComponent("corpus/\(name)")
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: source.path)
            try FileManager.default.copyItem(at: source, to: library.appendingPathComponent(name))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: library.appendingPathComponent("unreadable.jpg").path)
        for path in [folder, storage] {
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: path.path)
        }

        // Root reads a mode-000 file regardless, so the run drops to `nobody` (uid 65534) when started as root.
        func run(_ arguments: [String]) throws -> ProcessResult {
            let command = [ProcessRunner.viewfinderBinary.path] + arguments + ["--storage", storage.path]
            let environment = ["VIEWFINDER_ORT_LIBRARY": TestPaths.onnxRuntimeLibrary.path]
            if getuid() == 0 {
                return try ProcessRunner.run(
                    URL(fileURLWithPath: "/usr/bin/setpriv"),
                    ["--reuid=65534", "--regid=65534", "--clear-groups"] + command, environment: environment)
            }
            return try ProcessRunner.run(URL(fileURLWithPath: command[0]), Array(command.dropFirst()), environment: environment)
        }
        let imported = try run(["models", "import", TestPaths.tinyModel.path])
        try #require(imported.status == 0, "models import failed: \(imported.stderr)")
        let result = try run(["index", library.path, "--model", "viewfinder-test-tiny"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("failed: unreadable.jpg: unreadable.jpg: file cannot be read (permission denied)"), "\(result.stdout)")
        #expect(result.stdout.contains("2 pictures found, 1 embedded"), "\(result.stdout)")
    }
}
