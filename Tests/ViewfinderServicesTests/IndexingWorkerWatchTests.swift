import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing
import ViewfinderCore
import ViewfinderServices
import ViewfinderTestSupport

/// The worker with a watch: changes start runs after the debounce, a failed watch falls back to a schedule.
struct IndexingWorkerWatchTests {
    /// A watcher whose events the test sends.
    private final class ScriptedWatcher: LibraryWatching {
        let events: AsyncStream<LibraryWatchEvent>
        let send: AsyncStream<LibraryWatchEvent>.Continuation
        private let stops = Atomic<Int>(0)

        init() {
            let (events, send) = AsyncStream<LibraryWatchEvent>.makeStream()
            self.events = events
            self.send = send
        }

        var stopped: Bool { stops.load(ordering: .sequentiallyConsistent) > 0 }

        func watch(roots: [String]) -> LibraryWatch {
            LibraryWatch(events: events) { [self] in
                stops.add(1, ordering: .sequentiallyConsistent)
                send.finish()
            }
        }
    }

    private func indexer(_ files: FakeFileSystem, _ catalog: InMemoryPhotoCatalog) -> IndexingService {
        IndexingService(
            fileSystem: files, decoder: FakeDecoder(fileSystem: files), embedder: FakeImageEmbedder(), catalog: catalog,
            options: IndexingOptions(batchSize: 2, decodeConcurrency: 2), logger: Logger(label: "test"))
    }

    /// Waits (at most about 10 s, only so a failure cannot hang) until the catalog has `count` embedded photos.
    private func waitForEmbedded(_ catalog: InMemoryPhotoCatalog, _ count: Int) async throws {
        for _ in 0..<1000 where await catalog.counts().embedded["fake-rgb/3", default: 0] != count {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await catalog.counts().embedded["fake-rgb/3", default: 0] == count)
    }

    private func withWorker(
        _ files: FakeFileSystem, _ catalog: InMemoryPhotoCatalog, watching: IndexingWatch,
        _ body: (IndexingWorker) async throws -> Void
    ) async throws {
        let worker = IndexingWorker(
            indexer: indexer(files, catalog), roots: [files.root], watching: watching, logger: Logger(label: "test"))
        let group = ServiceGroup(services: [worker], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await body(worker)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test func aReadyWatchCatchesUpAndChangesStartRuns() async throws {
        let files = FakeFileSystem()
        await files.put("a.jpg", "red")
        let catalog = InMemoryPhotoCatalog()
        let watcher = ScriptedWatcher()
        let options = IndexingWatch(watcher: watcher, debounce: .milliseconds(50), fallbackInterval: .seconds(3600))
        try await withWorker(files, catalog, watching: options) { worker in
            // Nothing runs before the watch is ready (no schedule, no request).
            try await Task.sleep(for: .milliseconds(100))
            #expect(await worker.status().finishedAt == nil)
            watcher.send.yield(.ready(folders: 1))
            try await waitForEmbedded(catalog, 1)

            await files.put("b.jpg", "green")
            await files.put("c.jpg", "blue")
            for path in ["b.jpg", "c.jpg"] {
                watcher.send.yield(.changed(LibraryChange(.written, root: files.root, relativePath: path)))
            }
            try await waitForEmbedded(catalog, 3)

            await files.put("d.jpg", "red")
            watcher.send.yield(.overflow)
            try await waitForEmbedded(catalog, 4)
        }
        #expect(watcher.stopped)
    }

    @Test func aFailedWatchFallsBackToTheSchedule() async throws {
        let files = FakeFileSystem()
        await files.put("a.jpg", "red")
        let catalog = InMemoryPhotoCatalog()
        let watcher = ScriptedWatcher()
        let options = IndexingWatch(watcher: watcher, debounce: .milliseconds(50), fallbackInterval: .milliseconds(20))
        try await withWorker(files, catalog, watching: options) { _ in
            watcher.send.yield(.failed(reason: "the inotify watch limit is reached"))
            watcher.send.finish()
            try await waitForEmbedded(catalog, 1)
            // Runs go on without any change being reported.
            await files.put("b.jpg", "green")
            try await waitForEmbedded(catalog, 2)
        }
    }
}
