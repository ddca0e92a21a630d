import Foundation
import Logging
import ServiceLifecycle
import Testing
import ViewfinderCore
import ViewfinderServices
import ViewfinderTestSupport

/// The background worker as `serve` runs it: in a service group, started through `IndexingControl` or its schedule.
struct IndexingWorkerTests {
    private func indexer(_ files: FakeFileSystem, _ catalog: InMemoryPhotoCatalog) -> IndexingService {
        IndexingService(
            fileSystem: files, decoder: FakeDecoder(fileSystem: files), embedder: FakeImageEmbedder(), catalog: catalog,
            options: IndexingOptions(batchSize: 2, decodeConcurrency: 2), logger: Logger(label: "test"))
    }

    /// Waits (up to about 5 s) until `condition` holds for the worker's status.
    private func waitFor(_ worker: IndexingWorker, _ condition: (IndexingStatus) -> Bool) async throws -> IndexingStatus {
        for _ in 0..<500 {
            let status = await worker.status()
            if condition(status) { return status }
            try await Task.sleep(for: .milliseconds(10))
        }
        return await worker.status()
    }

    @Test func startRunsOnceAndTheStatusReportsTheRun() async throws {
        let files = FakeFileSystem()
        for index in 0..<5 { await files.put("p\(index).jpg", ["red", "green", "blue"][index % 3]) }
        await files.put("broken.jpg", "garbage")
        let catalog = InMemoryPhotoCatalog()
        let worker = IndexingWorker(indexer: indexer(files, catalog), roots: [files.root], logger: Logger(label: "test"))
        let group = ServiceGroup(services: [worker], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            #expect(await worker.status().state == .idle)
            #expect(await worker.start(rescan: false, retryFailed: false))
            let finished = try await waitFor(worker) { $0.state == .idle && $0.finishedAt != nil }
            #expect(finished.done == 6)
            #expect(finished.failed == 1)
            #expect(finished.queued == 0)
            #expect(finished.lastError == nil)
            #expect(finished.startedAt != nil)
            #expect(await catalog.counts().embedded == ["fake-rgb/3": 5])
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test func theScheduleStartsRunsWithoutBeingAsked() async throws {
        let files = FakeFileSystem()
        await files.put("a.jpg", "red")
        let catalog = InMemoryPhotoCatalog()
        let worker = IndexingWorker(
            indexer: indexer(files, catalog), roots: [files.root], interval: .milliseconds(20), logger: Logger(label: "test"))
        let group = ServiceGroup(services: [worker], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            _ = try await waitFor(worker) { $0.finishedAt != nil }
            #expect(await catalog.counts().embedded == ["fake-rgb/3": 1])
            await files.put("b.jpg", "green")
            for _ in 0..<500 where await catalog.counts().embedded["fake-rgb/3"] != 2 {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(await catalog.counts().embedded == ["fake-rgb/3": 2])
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
