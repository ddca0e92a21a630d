import Foundation
import Logging
import Testing
import ViewfinderCore
import ViewfinderServices
import ViewfinderTestSupport

/// The indexer's decisions, with every side effect faked in memory.
struct IndexingServiceTests {
    private struct Harness {
        let files = FakeFileSystem()
        let catalog = InMemoryPhotoCatalog()
        let embedder = FakeImageEmbedder()

        var indexer: IndexingService {
            IndexingService(
                fileSystem: files, decoder: FakeDecoder(fileSystem: files), embedder: embedder, catalog: catalog,
                options: IndexingOptions(batchSize: 2, decodeConcurrency: 2), logger: Logger(label: "test"))
        }
    }

    @Test func firstRunEmbedsEveryPictureAndReportsBadOnes() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        await h.files.put("b.jpg", "green")
        await h.files.put("c.jpg", "blue")
        await h.files.put("broken.jpg", "garbage")
        await h.files.put("notes.txt", "hello")
        let report = try await h.indexer.index(root: h.files.root)
        #expect(report.found == 4)
        #expect(report.embedded == 3)
        #expect(report.failures.map(\.file.relativePath) == ["broken.jpg"])
        #expect(report.failures.first?.reason.contains("not an image") == true)
        #expect(report.unsupported.map(\.relativePath) == ["notes.txt"])
        #expect(await h.catalog.counts() == CatalogCounts(photos: 4, failed: 1, embedded: ["fake-rgb/3": 3]))
    }

    @Test func secondRunReEmbedsNothingWhenNothingChanged() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        await h.files.put("broken.jpg", "garbage")
        _ = try await h.indexer.index(root: h.files.root)
        let before = await h.embedder.embedded
        let report = try await h.indexer.index(root: h.files.root)
        #expect(await h.embedder.embedded == before)
        #expect(report.embedded == 0)
        #expect(report.unchanged == 1)
        #expect(report.previouslyFailed == 1)
    }

    @Test func changedContentIsReEmbeddedButATouchIsNot() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        await h.files.put("b.jpg", "green")
        _ = try await h.indexer.index(root: h.files.root)
        await h.files.put("a.jpg", "blue", modifiedAt: Date(timeIntervalSince1970: 2_000))
        await h.files.put("b.jpg", "green", modifiedAt: Date(timeIntervalSince1970: 3_000))
        let report = try await h.indexer.index(root: h.files.root)
        #expect(report.embedded == 1)
        #expect(report.unchanged == 1)
        #expect(await h.embedder.embedded == 3)
        let touched = try #require(await h.catalog.photo(root: h.files.root, relativePath: "b.jpg"))
        #expect(touched.modifiedAt == Date(timeIntervalSince1970: 3_000))
    }

    @Test func aFixedFileIsRetriedOnceItChanges() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "garbage")
        _ = try await h.indexer.index(root: h.files.root)
        await h.files.put("a.jpg", "red", modifiedAt: Date(timeIntervalSince1970: 5_000))
        let report = try await h.indexer.index(root: h.files.root)
        #expect(report.embedded == 1)
        #expect(await h.catalog.counts().failed == 0)
    }
}
