import Foundation
import Testing
import ViewfinderTestSupport

/// The multi-worker test: three `index --worker` processes share one PostgreSQL catalog; one is killed
/// mid-batch and the others take its claimed files over once its lease expires.
@Suite(.serialized)
struct SharedWorkersTests {
    private static let photoCount = 200
    private static let batchSize = 4

    private struct Status: Decodable {
        let photos: Int
        let embedded: [String: Int]
    }

    private static func startWorker(_ harness: CLIHarness, library: URL, log: URL) throws -> Process {
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = ProcessRunner.viewfinderBinary
        process.arguments = [
            "index", library.path, "--worker", "--model", "viewfinder-test-tiny", "--json", "--batch-size",
            String(batchSize), "--threads", "1", "--storage", harness.storage.path,
            "--database", try #require(harness.databaseURL),
        ]
        process.environment = ProcessInfo.processInfo.environment.merging([
            "VIEWFINDER_ORT_LIBRARY": TestPaths.onnxRuntimeLibrary.path, "VIEWFINDER_WORKER_LEASE": "5s",
        ]) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func threeWorkersEmbedEveryPhotoOnceAndTakeOverAKilledWorkersBatch() async throws {
        let harness = try await CLIHarness.make(database: .postgres)
        do {
            let library = harness.folder.appendingPathComponent("shared-library")
            try CrashResumeTests.generateLibrary(library, count: Self.photoCount)
            // Migrate once up front, so the workers start on an up-to-date schema at the same moment.
            let migrated = try harness.viewfinder(["status", "--json"])
            try #require(migrated.status == 0, "status failed: \(migrated.stderr)")

            let logs = (0..<3).map { harness.folder.appendingPathComponent("worker-\($0).log") }
            let workers = try logs.map { try Self.startWorker(harness, library: library, log: $0) }
            // Kill the first worker while it encodes a batch it claimed (its claims are then neither finished
            // nor released: only their expiry hands them to the others).
            var waited = 0
            while workers[0].isRunning, (try? String(contentsOf: logs[0], encoding: .utf8))?.contains("\"encoding\"") != true,
                waited < 1200
            {
                usleep(10_000)
                waited += 1
            }
            try #require(workers[0].isRunning, "the first worker finished before it could be killed")
            kill(workers[0].processIdentifier, SIGKILL)
            for worker in workers { worker.waitUntilExit() }
            #expect(workers[0].terminationReason == .uncaughtSignal)
            #expect(workers[1].terminationStatus == 0 && workers[2].terminationStatus == 0)

            let result = try harness.viewfinder(["status", "--json"])
            try #require(result.status == 0, "status failed: \(result.stderr)")
            let status = try JSONDecoder().decode(Status.self, from: Data(result.stdout.utf8))
            #expect(status.photos == Self.photoCount)
            #expect(status.embedded == ["viewfinder-test-tiny/64": Self.photoCount])
            let encoded = try logs.map { try CrashResumeTests.encodedPictures($0) }
            // Every photo went to an encoder once, except the batch the killed worker had not committed.
            #expect(encoded.reduce(0, +) >= Self.photoCount)
            #expect(encoded.reduce(0, +) - Self.photoCount <= Self.batchSize, "encoded per worker: \(encoded)")
            #expect(encoded[1] > 0 && encoded[2] > 0, "every surviving worker did a share: \(encoded)")
        } catch {
            await harness.removeAll()
            throw error
        }
        await harness.removeAll()
    }
}
