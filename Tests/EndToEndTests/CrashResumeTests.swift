import Foundation
import Testing
import ViewfinderTestSupport

/// The crash test: SIGKILL `viewfinder index` at random moments, then finish cleanly, and check that
/// nothing was lost, duplicated or embedded twice beyond the batch each kill interrupted.
@Suite(.serialized)
struct CrashResumeTests {
    private static let photoCount = 500
    private static let batchSize = 4

    /// Writes `count` small distinct JPEGs (random noise on a random colour) in 10 folders.
    static func generateLibrary(_ folder: URL, count: Int) throws {
        let script = """
            import os, random, sys
            from PIL import Image
            out, count = sys.argv[1], int(sys.argv[2])
            rng = random.Random(7)
            for i in range(count):
                sub = os.path.join(out, "f%d" % (i % 10))
                os.makedirs(sub, exist_ok=True)
                base = [rng.randrange(256) for _ in range(3)]
                img = Image.new("RGB", (96, 72), tuple(base))
                px = img.load()
                for _ in range(200):
                    px[rng.randrange(96), rng.randrange(72)] = tuple(rng.randrange(256) for _ in range(3))
                img.save(os.path.join(sub, "p%04d.jpg" % i), quality=85)
            """
        let result = try ProcessRunner.run(ProcessRunner.python, ["-c", script, folder.path, String(count)])
        try #require(result.status == 0, "library generator failed: \(result.stderr)")
    }

    /// Starts `index --json` with its standard output in `log`.
    private static func startIndex(_ harness: CLIHarness, library: URL, log: URL) throws -> Process {
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = ProcessRunner.viewfinderBinary
        process.arguments = [
            "index", library.path, "--model", "viewfinder-test-tiny", "--json", "--batch-size", String(batchSize),
            "--threads", "1", "--storage", harness.storage.path,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["VIEWFINDER_ORT_LIBRARY": TestPaths.onnxRuntimeLibrary.path]) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Pictures sent to the encoder, summed over the `encoding` events in `log` (complete lines only).
    static func encodedPictures(_ log: URL) throws -> Int {
        let text = try String(contentsOf: log, encoding: .utf8)
        struct Event: Decodable {
            let event: String?
            let count: Int?
        }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Event.self, from: Data($0.utf8)) }
            .filter { $0.event == "encoding" }.compactMap(\.count).reduce(0, +)
    }

    private static func sqlite(_ database: URL, _ sql: String) throws -> String {
        let script = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])"
        let result = try ProcessRunner.run(ProcessRunner.python, ["-c", script, database.path, sql])
        try #require(result.status == 0, "sqlite query failed: \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func twentySigkillsThenACleanRunLoseAndDuplicateNothing() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let library = harness.folder.appendingPathComponent("crash-library")
        try Self.generateLibrary(library, count: Self.photoCount)
        let log = harness.folder.appendingPathComponent("index.log")
        var kills = 0
        var killsWhileIndexing = 0
        var encoded = 0
        var attempts = 0
        var generator = SystemRandomNumberGenerator()
        // How long after the scan a kill may wait; adapted to the machine's speed so that each run commits
        // about a thirtieth of the library, and the 20 kills spread over the whole indexing.
        var window = 1.0
        while kills < 20 {
            attempts += 1
            try #require(attempts <= 40, "the indexer finished before 20 kills landed (\(kills) kills)")
            let process = try Self.startIndex(harness, library: library, log: log)
            if kills % 5 == 4 {
                // Every fifth kill lands anywhere in start-up, the scan or the first batches.
                usleep(UInt32.random(in: 50_000...800_000, using: &generator))
            } else {
                var polls = 0
                while process.isRunning, try !String(contentsOf: log, encoding: .utf8).contains("\"scanned\""), polls < 3000 {
                    usleep(5_000)
                    polls += 1
                }
            }
            let scannedAt = ContinuousClock.now
            usleep(UInt32(Double.random(in: 0...window, using: &generator) * 1_000_000))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let indexing = ContinuousClock.now - scannedAt
            encoded += try Self.encodedPictures(log)
            guard process.terminationReason == .uncaughtSignal else { break }
            kills += 1
            let text = try String(contentsOf: log, encoding: .utf8)
            let commits = text.components(separatedBy: "\"progress\"").count - 1
            if commits == 0, kills % 5 != 4 {
                // Start-up and the first batch took longer than the window (a busy machine): wait longer.
                window = min(6.0, window * 2)
            }
            if commits > 0 {
                // A kill after the first commit of its run interrupted indexing (not just start-up or the scan).
                killsWhileIndexing += 1
                let seconds = Double(indexing.components.seconds) + Double(indexing.components.attoseconds) / 1e18
                let rate = Double(commits * Self.batchSize) / max(seconds, 0.01)
                window = min(3.0, max(0.2, 2.0 * Double(Self.photoCount) / 30.0 / rate))
            }
        }
        #expect(killsWhileIndexing >= 10, "\(killsWhileIndexing) of \(kills) kills landed while batches were committed")
        let final = try Self.startIndex(harness, library: library, log: log)
        final.waitUntilExit()
        #expect(final.terminationStatus == 0)
        encoded += try Self.encodedPictures(log)

        let database = harness.storage.appendingPathComponent("catalog.db")
        #expect(try Self.sqlite(database, "PRAGMA integrity_check") == "ok")
        #expect(try Self.sqlite(database, "SELECT COUNT(*) FROM photos") == String(Self.photoCount))
        #expect(try Self.sqlite(database, "SELECT COUNT(DISTINCT path) FROM photos") == String(Self.photoCount))
        #expect(
            try Self.sqlite(database, "SELECT COUNT(*) FROM embeddings WHERE model = 'viewfinder-test-tiny'")
                == String(Self.photoCount))
        #expect(
            try Self.sqlite(
                database,
                "SELECT COUNT(*) FROM photos p WHERE (SELECT COUNT(*) FROM embeddings e WHERE e.photo_id = p.id) <> 1")
                == "0")
        #expect(try Self.sqlite(database, "SELECT COUNT(*) FROM embeddings WHERE photo_id NOT IN (SELECT id FROM photos)") == "0")
        // Every kill may lose at most the batch being encoded and the one decoded ahead of it was never encoded.
        #expect(encoded >= Self.photoCount)
        #expect(
            encoded - Self.photoCount <= kills * Self.batchSize,
            "re-embedded \(encoded - Self.photoCount) with \(kills) kills (\(killsWhileIndexing) while indexing)")
    }

    @Test func sigtermFinishesTheCurrentBatchAndExitsCleanly() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let library = harness.folder.appendingPathComponent("term-library")
        try Self.generateLibrary(library, count: 300)
        let log = harness.folder.appendingPathComponent("term.log")
        let process = try Self.startIndex(harness, library: library, log: log)
        var waited = 0
        while process.isRunning, (try? String(contentsOf: log, encoding: .utf8))?.contains("\"progress\"") != true, waited < 600 {
            usleep(50_000)
            waited += 1
        }
        try #require(process.isRunning, "the run ended before it could be stopped")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOf: log, encoding: .utf8)
        let last = try #require(text.split(separator: "\n").last)
        #expect(last.contains("\"stopped\":true"))
        let encoded = try Self.encodedPictures(log)
        let database = harness.storage.appendingPathComponent("catalog.db")
        // Everything sent to the encoder was committed: a clean stop loses nothing.
        #expect(try Self.sqlite(database, "SELECT COUNT(*) FROM embeddings") == String(encoded))
    }
}
