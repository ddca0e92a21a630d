import Foundation
import Testing
import ViewfinderTestSupport

/// The database faults: a private PostgreSQL or MariaDB server is stopped and started again (PostgreSQL with
/// `pg_ctl stop -m fast`) while `viewfinder index` commits batches and while `viewfinder serve` answers searches.
/// Viewfinder must reconnect by itself, finish the indexing without losing or half-writing a photo, and answer the
/// searches made during the outage with clean 503s.
@Suite(.serialized)
struct DatabaseFaultTests {
    private static let photoCount = 400

    @Test(arguments: ["postgres", "mariadb10", "mariadb11"])
    func restartWhileIndexingLosesNothingAndIndexingFinishes(_ kind: String) throws {
        let server = try PrivateDatabaseServer.start(kind)
        defer { server.remove() }
        let harness = try CLIHarness(databaseURL: server.url)
        defer { harness.remove() }
        let library = harness.folder.appendingPathComponent("fault-library")
        try CrashResumeTests.generateLibrary(library, count: Self.photoCount)
        let log = harness.folder.appendingPathComponent("index.log")
        let errors = harness.folder.appendingPathComponent("index.err")
        let process = try Self.startIndex(harness, library: library, databaseURL: server.url, log: log, errors: errors)
        defer { if process.isRunning { process.terminate() } }

        // Restart after a few batches are committed, while the indexer is busy.
        var polls = 0
        while process.isRunning, try Self.commits(log) < 3, polls < 6000 {
            usleep(10_000)
            polls += 1
        }
        try #require(process.isRunning, "the indexer finished before the restart")
        let committedBefore = Set(try server.query("SELECT path FROM photos WHERE index_status = 'indexed'"))
        try #require(!committedBefore.isEmpty)
        try server.stop()
        sleep(3)
        try server.restart()
        let committedAfter = Set(try server.query("SELECT path FROM photos WHERE index_status = 'indexed'"))
        #expect(committedBefore.isSubset(of: committedAfter), "photos committed before the restart were lost")

        process.waitUntilExit()
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "the indexer did not survive the restart: \(stderr)")
        #expect(try Self.commits(log) > 3, "no batch was committed after the restart")

        // A second run finds everything done, and the catalog has each photo once, embedded once.
        let again = try harness.viewfinder(["index", library.path, "--model", "viewfinder-test-tiny", "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        let report = try JSONDecoder().decode(IndexReport.self, from: Data((again.stdout.split(separator: "\n").last ?? "").utf8))
        #expect(report.embedded == 0)
        #expect(report.unchanged == Self.photoCount)
        #expect(try server.query("SELECT COUNT(*) FROM photos") == [String(Self.photoCount)])
        #expect(try server.query("SELECT COUNT(DISTINCT path) FROM photos") == [String(Self.photoCount)])
        #expect(try server.query("SELECT COUNT(*) FROM photos WHERE index_status <> 'indexed'") == ["0"])
        let table = try Self.embeddingTable(server)
        #expect(
            try server.query("SELECT COUNT(*) FROM photos p WHERE (SELECT COUNT(*) FROM \(table) e WHERE e.photo_id = p.id) <> 1")
                == ["0"], "a photo has no embedding or several")
        #expect(try server.query("SELECT COUNT(*) FROM \(table) WHERE photo_id NOT IN (SELECT id FROM photos)") == ["0"])
    }

    @Test(arguments: ["postgres", "mariadb10", "mariadb11"])
    func searchesDuringARestartAreClean503sAndServingRecovers(_ kind: String) throws {
        let server = try PrivateDatabaseServer.start(kind)
        defer { server.remove() }
        let harness = try CLIHarness(databaseURL: server.url)
        defer { harness.remove() }
        _ = try harness.index()
        let port = try Self.freePort()
        let serve = Process()
        serve.executableURL = ProcessRunner.viewfinderBinary
        serve.arguments = [
            "serve", "--port", String(port), "--model", "viewfinder-test-tiny", "--storage", harness.storage.path,
            "--database", server.url,
        ]
        serve.environment = ProcessInfo.processInfo.environment.merging(
            ["VIEWFINDER_ORT_LIBRARY": TestPaths.onnxRuntimeLibrary.path]) { $1 }
        serve.standardOutput = FileHandle.nullDevice
        serve.standardError = FileHandle.nullDevice
        try serve.run()
        defer {
            serve.terminate()
            serve.waitUntilExit()
        }
        let base = "http://127.0.0.1:\(port)/api/v1"
        var ready = false
        for _ in 0..<300 where !ready {
            ready = (try? Self.get("\(base)/health"))?.status == 200
            if !ready { usleep(100_000) }
        }
        try #require(ready, "serve did not come up")
        let search = "\(base)/photos?q=red&count=5"
        let before = try Self.get(search)
        try #require(before.status == 200, "\(before.body)")
        let uid = try #require(Self.firstUID(before.body))

        try server.stop()
        for url in [search, "\(base)/photos/\(uid)/similar?count=5", search] {
            let during = try Self.get(url)
            #expect(during.status == 503, "during the outage: \(during.status) \(during.body)")
            // The client learns that the catalog is unavailable, not where it lives or what the driver said.
            for leak in ["127.0.0.1", String(URLComponents(string: server.url)?.port ?? 0), "PostgreSQL", "MariaDB", "PSQL"] {
                #expect(!during.body.contains(leak), "the 503 leaks \(leak): \(during.body)")
            }
        }
        try server.restart()
        // Serving recovers by itself: only 503s until the pool reconnects, then 200s, without restarting serve.
        var recovered = false
        let deadline = Date().addingTimeInterval(90)
        while !recovered, Date() < deadline {
            let answer = try Self.get(search)
            if answer.status == 200 {
                recovered = true
            } else {
                #expect(answer.status == 503, "after the restart: \(answer.status) \(answer.body)")
                usleep(500_000)
            }
        }
        #expect(recovered, "searches did not recover after the restart")
        #expect(try Self.get("\(base)/photos/\(uid)/similar?count=5").status == 200)
        #expect(try Self.get(search).body == before.body, "the results changed across the restart")
    }

    // MARK: - Helpers

    private static func startIndex(
        _ harness: CLIHarness, library: URL, databaseURL: String, log: URL, errors: URL
    ) throws -> Process {
        FileManager.default.createFile(atPath: log.path, contents: nil)
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = ProcessRunner.viewfinderBinary
        process.arguments = [
            "index", library.path, "--model", "viewfinder-test-tiny", "--json", "--batch-size", "4", "--threads", "1",
            "--storage", harness.storage.path, "--database", databaseURL,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["VIEWFINDER_ORT_LIBRARY": TestPaths.onnxRuntimeLibrary.path]) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Batches committed so far (`progress` events in the JSON log).
    private static func commits(_ log: URL) throws -> Int {
        try String(contentsOf: log, encoding: .utf8).components(separatedBy: "\"progress\"").count - 1
    }

    /// The table holding the tiny model's vectors.
    private static func embeddingTable(_ server: PrivateDatabaseServer) throws -> String {
        let id = try #require(
            try server.query("SELECT id FROM embedding_spaces WHERE model = 'viewfinder-test-tiny' AND dims = 64").first)
        return "embeddings_\(id)"
    }

    /// A TCP port on 127.0.0.1 nothing listens on right now.
    static func freePort() throws -> Int {
        let script = "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
        let result = try ProcessRunner.run(ProcessRunner.python, ["-c", script])
        return try #require(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// GETs `url` with curl (30 s limit) and returns the status and body.
    static func get(_ url: String) throws -> (status: Int, body: String) {
        let marker = "\n#status:"
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "-m", "30", "-w", "\(marker)%{http_code}", url])
        guard let range = result.stdout.range(of: marker, options: .backwards) else { return (0, result.stdout) }
        return (Int(result.stdout[range.upperBound...]) ?? 0, String(result.stdout[..<range.lowerBound]))
    }

    /// The first `"uid"` in a photo list.
    private static func firstUID(_ body: String) -> String? {
        guard let data = body.data(using: .utf8),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return nil }
        return list.first?["uid"] as? String
    }
}
