import Foundation
import Logging
import Testing
import ViewfinderApp
import ViewfinderCore
import ViewfinderServices
import ViewfinderTestSupport
import ViewfinderVision

/// `watch: true` end to end: the worker `serve` runs indexes a picture copied into the library, unasked,
/// with the real watcher, libvips, ONNX Runtime (the test model) and a SQLite catalog.
struct WatchedIndexingTests {
    @Test func theWatchSettingsAreReadFromEveryLayer() throws {
        let defaults = try IndexingSettings(sources: ConfigurationSources())
        #expect(!defaults.watch)
        #expect(defaults.watchDebounce == .seconds(5))
        let configured = try IndexingSettings(sources: ConfigurationSources(
            flags: ["watch": "true"], environment: ["VIEWFINDER_WATCH": "false", "VIEWFINDER_WATCH_DEBOUNCE": "2s"],
            file: ["watch_debounce": "1m"]))
        #expect(configured.watch)
        #expect(configured.watchDebounce == .seconds(2))
        #expect {
            _ = try IndexingSettings(sources: ConfigurationSources(file: ["watch": "sometimes"]))
        } throws: { error in
            (error as? ViewfinderError)?.message.contains("watch") == true
        }
    }

    @Test func aWatchingWorkerIndexesAPictureCopiedIntoTheLibrary() async throws {
        let folder = try TestPaths.makeTemporaryDirectory("viewfinder-watch-app")
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = folder.appendingPathComponent("library")
        let staging = folder.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        let generated = try ProcessRunner.run(
            ProcessRunner.python,
            [TestPaths.repositoryRoot.appendingPathComponent("tools/samples/generate_colour_photos.py").path,
             staging.path, "--count-per-colour", "1", "--no-check"])
        try #require(generated.status == 0, "photo generator failed: \(generated.stderr)")
        let source = staging.appendingPathComponent("red/red-01.jpg")
        try #require(FileManager.default.fileExists(atPath: source.path))
        let picture = source.lastPathComponent

        let configuration = try ViewfinderConfiguration(sources: ConfigurationSources(flags: [
            "storage": folder.appendingPathComponent("storage").path, "model": "viewfinder-test-tiny",
            "ort-library": TestPaths.onnxRuntimeLibrary.path, "threads": "2", "library": library.path,
            "watch": "true", "watch-debounce": "0.2s",
        ]))
        var logger = Logger(label: "viewfinder-watch-test")
        logger.logLevel = .warning
        try await ViewfinderApplication.with(configuration: configuration, logger: logger) { app in
            _ = try await app.modelStore.importModel(from: TestPaths.tinyModel)
            try await app.withCatalog { catalog in
                let worker = app.indexingWorker(try app.indexer(try app.modelDescriptor(), catalog: catalog))
                let running = Task { try await worker.run() }
                // The watch asks for one catch-up run as soon as every folder is watched.
                for _ in 0..<1000 where await worker.status().finishedAt == nil {
                    try await Task.sleep(for: .milliseconds(10))
                }
                #expect(await worker.status().finishedAt != nil)
                #expect(try await catalog.store.counts().photos == 0)

                // Into a folder made after the watch started; nobody asks the worker to run.
                let trip = library.appendingPathComponent("trip")
                try FileManager.default.createDirectory(at: trip, withIntermediateDirectories: false)
                try FileManager.default.copyItem(at: source, to: trip.appendingPathComponent(picture))
                // Generous, only so that a failure cannot hang: indexing one picture takes well under a second.
                var waited = 0
                while try await catalog.store.counts().embedded.values.reduce(0, +) < 1, waited < 3000 {
                    try await Task.sleep(for: .milliseconds(10))
                    waited += 1
                }
                let counts = try await catalog.store.counts()
                #expect(counts.photos == 1)
                #expect(counts.embedded == ["viewfinder-test-tiny/64": 1])
                #expect(try await catalog.store.photo(root: library.path, relativePath: "trip/\(picture)") != nil)
                running.cancel()
                _ = try? await running.value
            }
        }
    }
}
