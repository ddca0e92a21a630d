import Foundation
import Logging
import Testing
import ViewfinderCore
import ViewfinderServices
import ViewfinderTestSupport

/// Moves, deletions, purges and stop requests, with every side effect faked in memory.
struct IndexingChangeTests {
    private struct Harness {
        let files = FakeFileSystem()
        let catalog = InMemoryPhotoCatalog()
        let embedder = FakeImageEmbedder()

        var indexer: IndexingService {
            IndexingService(
                fileSystem: files, decoder: FakeDecoder(fileSystem: files), embedder: embedder, catalog: catalog,
                options: IndexingOptions(batchSize: 2, decodeConcurrency: 2), logger: Logger(label: "test"))
        }

        func run(_ run: IndexingRun = IndexingRun()) async throws -> IndexingReport {
            try await indexer.index(roots: [files.root], run: run)
        }
    }

    @Test func aMovedFileKeepsItsPhotoAndIsNotReEmbedded() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        await h.files.put("b.jpg", "green")
        _ = try await h.run()
        let before = try #require(await h.catalog.photo(root: h.files.root, relativePath: "a.jpg"))
        await h.files.remove("a.jpg")
        await h.files.put("sub/renamed.jpg", "red")
        let report = try await h.run()
        #expect(report.moved == 1)
        #expect(report.embedded == 0)
        #expect(await h.embedder.embedded == 2)
        let after = try #require(await h.catalog.photo(root: h.files.root, relativePath: "sub/renamed.jpg"))
        #expect(after.id == before.id)
        #expect(after.status == .indexed)
        #expect(await h.catalog.photo(root: h.files.root, relativePath: "a.jpg") == nil)
    }

    @Test func aDeletedFileIsMarkedMissingThenPurgedAfterTheGracePeriod() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        await h.files.put("b.jpg", "green")
        _ = try await h.run()
        await h.files.remove("b.jpg")
        let marked = try await h.run()
        #expect(marked.missing == 1)
        #expect(await h.catalog.counts().missing == 1)
        #expect(await h.catalog.photo(root: h.files.root, relativePath: "b.jpg")?.status == .missing)
        let kept = try await h.run()
        #expect(kept.purged == 0)
        let purged = try await h.run(IndexingRun(missingGracePeriod: .zero))
        #expect(purged.purged == 1)
        #expect(await h.catalog.counts().photos == 1)
    }

    @Test func aMissingFileThatComesBackIsRestoredWithoutReEmbedding() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        _ = try await h.run()
        await h.files.remove("a.jpg")
        _ = try await h.run()
        await h.files.put("a.jpg", "red")
        let report = try await h.run()
        #expect(report.embedded == 0)
        #expect(await h.catalog.photo(root: h.files.root, relativePath: "a.jpg")?.status == .indexed)
        #expect(await h.embedder.embedded == 1)
    }

    @Test func withoutEmbeddingFilesAreFollowedButNotEmbedded() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        await h.files.put("broken.jpg", "garbage")
        let report = try await h.run(IndexingRun(embed: false))
        #expect(report.notEmbedded == 2)
        #expect(report.recorded == 2)
        #expect(report.embedded == 0)
        #expect(await h.embedder.embedded == 0)
        let stored = try #require(await h.catalog.photo(root: h.files.root, relativePath: "a.jpg"))
        #expect(stored.status == .indexed && stored.contentHash == "hash-red")
        let again = try await h.run(IndexingRun(embed: false))
        #expect(again.recorded == 0 && again.unchanged == 2)
        // Once CLIP runs, the stored pictures are embedded (the broken one then fails to decode).
        let embedded = try await h.run()
        #expect(embedded.embedded == 1)
        #expect(embedded.failures.map(\.file.relativePath) == ["broken.jpg"])
    }

    @Test func aStopRequestEndsTheRunBeforeTheNextBatch() async throws {
        let h = Harness()
        for index in 0..<6 { await h.files.put("p\(index).jpg", ["red", "green", "blue"][index % 3]) }
        let stop = IndexingStopSignal()
        stop.request()
        let stopped = try await h.run(IndexingRun(stop: stop))
        #expect(stopped.stopped)
        #expect(stopped.embedded == 0)
        let resumed = try await h.run()
        #expect(resumed.embedded == 6)
    }

    @Test func retryFailedRetriesUnchangedFailuresAndRescanRehashesEverything() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        await h.files.put("broken.jpg", "garbage")
        _ = try await h.run()
        let normal = try await h.run()
        #expect(normal.previouslyFailed == 1 && normal.failures.isEmpty)
        let retried = try await h.run(IndexingRun(retryFailed: true))
        #expect(retried.previouslyFailed == 0)
        #expect(retried.failures.map(\.file.relativePath) == ["broken.jpg"])
        let hashesBefore = await h.files.hashCalls
        let rescanned = try await h.run(IndexingRun(rescan: true))
        #expect(await h.files.hashCalls - hashesBefore == 1, "the unchanged picture is hashed again")
        #expect(rescanned.embedded == 0 && rescanned.unchanged == 1)
    }
}
