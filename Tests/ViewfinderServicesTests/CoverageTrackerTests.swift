import Foundation
import Logging
import Testing
import ViewfinderCore
import ViewfinderServices
import ViewfinderTestSupport

/// The coverage notice comes from counts refreshed by writes, not from a count per query.
struct CoverageTrackerTests {
    private static func indexed(_ name: String, _ vector: [Float], model: ModelID = "fake-rgb") -> IndexedPhoto {
        IndexedPhoto(
            file: LibraryFile(root: "/l", relativePath: name, size: 1, modifiedAt: Date(timeIntervalSince1970: 1_700_000_000)),
            contentHash: name, width: 1, height: 1, embedding: Embedding(model: model, vector: vector))
    }

    @Test func searchesReuseTheCountsUntilAWriteIsReported() async throws {
        let catalog = InMemoryPhotoCatalog()
        try await catalog.save([Self.indexed("red.jpg", [1, 0, 0]), Self.indexed("other.jpg", [1, 0, 0], model: "other")])
        let coverage = CoverageTracker(statistics: catalog, maximumAge: .seconds(3600))
        let search = SearchService(
            store: catalog, vectors: catalog, coverage: coverage, textEmbedder: FakeTextEmbedder())
        let query = try SearchQuery.parse([(name: "q", value: "red")])

        let first = try await search.search(query)
        #expect(first.notices == ["50% of photos embedded with the active model"])
        for _ in 0..<5 { _ = try await search.search(query) }
        #expect(await catalog.countsCalls == 1, "six queries, one count")

        // A write that the tracker is not told of is not seen yet; once it is told, the next query counts again.
        try await catalog.apply([.putEmbedding(photoID: try #require(await catalog.photo(root: "/l", relativePath: "other.jpg")?.id),
                                               Embedding(model: "fake-rgb", vector: [0, 1, 0]))])
        #expect(try await search.search(query).notices == ["50% of photos embedded with the active model"])
        await coverage.catalogDidChange()
        #expect(try await search.search(query).notices.isEmpty, "every photo is embedded now")
        #expect(await catalog.countsCalls == 2)
    }

    @Test func anOldValueIsCountedAgain() async throws {
        let catalog = InMemoryPhotoCatalog()
        let coverage = CoverageTracker(statistics: catalog, maximumAge: .zero)
        _ = try await coverage.counts()
        _ = try await coverage.counts()
        #expect(await catalog.countsCalls == 2)
    }

    @Test func theIndexerReportsEveryCommittedBatch() async throws {
        let files = FakeFileSystem()
        for name in ["a.jpg", "b.jpg", "c.jpg"] { await files.put(name, "red") }
        let catalog = InMemoryPhotoCatalog()
        let coverage = CoverageTracker(statistics: catalog, maximumAge: .seconds(3600))
        #expect(try await coverage.counts().embedded.isEmpty)
        let indexer = IndexingService(
            fileSystem: files, decoder: FakeDecoder(fileSystem: files), embedder: FakeImageEmbedder(), catalog: catalog,
            observer: coverage, logger: Logger(label: "test"))
        _ = try await indexer.index(root: files.root)
        #expect(try await coverage.counts().embedded == ["fake-rgb/3": 3])
        #expect(await catalog.countsCalls == 2)
    }
}
