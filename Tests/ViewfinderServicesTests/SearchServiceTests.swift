import Foundation
import Logging
import Testing
import ViewfinderCore
import ViewfinderServices
import ViewfinderTestSupport

/// Ranking over stored vectors, with faked collaborators.
struct SearchServiceTests {
    @Test func ranksTheMatchingColourFirst() async throws {
        let files = FakeFileSystem()
        let catalog = InMemoryPhotoCatalog()
        for (name, colour) in [("r.jpg", "red"), ("g.jpg", "green"), ("b.jpg", "blue")] {
            await files.put(name, colour)
        }
        let indexer = IndexingService(
            fileSystem: files, decoder: FakeDecoder(fileSystem: files), embedder: FakeImageEmbedder(),
            catalog: catalog, logger: Logger(label: "test"))
        _ = try await indexer.index(root: files.root)
        let search = SearchService(catalog: Catalog(store: catalog), textEmbedder: FakeTextEmbedder())
        let results = try await search.search(text: "green", limit: 2)
        #expect(results.map(\.photo.relativePath) == ["g.jpg", "b.jpg"] || results.map(\.photo.relativePath) == ["g.jpg", "r.jpg"])
        #expect(results.first?.score == 1)
        #expect(results.count == 2)
    }

    @Test func emptyTextIsRejected() async {
        let search = SearchService(catalog: Catalog(store: InMemoryPhotoCatalog()), textEmbedder: FakeTextEmbedder())
        await #expect(throws: ViewfinderError.self) { _ = try await search.search(text: "  ", limit: 5) }
    }

    @Test func vectorsOfAnotherModelAreNeverCompared() async throws {
        let catalog = InMemoryPhotoCatalog()
        let file = LibraryFile(root: "/l", relativePath: "x.jpg", size: 1, modifiedAt: Date())
        try await catalog.save([IndexedPhoto(file: file, contentHash: "h", width: 1, height: 1,
                                         embedding: Embedding(model: "other-model", vector: [0, 1, 0]))])
        let search = SearchService(catalog: Catalog(store: catalog), textEmbedder: FakeTextEmbedder())
        #expect(try await search.search(text: "green", limit: 5).isEmpty)
    }
}
