import Foundation
import Testing
import VectorIndex
import ViewfinderCore
import ViewfinderSQLite
import ViewfinderTestSupport
import ViewfinderVectorSearch

/// The in-process index follows writes to its store, and writes made by another process, through the change log.
@Suite struct InProcessSyncTests {
    private static let dims = 16

    private static func query(_ axis: Int) -> Embedding {
        var vector = [Float](repeating: 0.01, count: dims)
        vector[axis] = 1
        return Embedding(model: TestLibrary.model, vector: vector)
    }

    private static func seed(_ catalog: any PhotoCatalog, count: Int, root: String = "/library") async throws {
        var generator = SeededGenerator(seed: 7)
        try await catalog.save((0..<count).map { TestLibrary.photo($0, generator.vector(dims), root: root) })
    }

    @Test func writesToTheStoreAreSeenAtOnce() async throws {
        let catalog = InMemoryPhotoCatalog()
        try await Self.seed(catalog, count: 50)
        let index = InProcessVectorIndex(
            source: catalog, settings: InProcessVectorSettings(precision: .float16), pool: TestLibrary.pool)
        _ = try await index.nearest(to: Self.query(0), limit: 5)
        #expect(await index.loadedCount(model: TestLibrary.model, dims: Self.dims) == 50)

        // A new photo pointing exactly at the query becomes the best match.
        try await catalog.save([TestLibrary.photo(100, Self.query(3).vector)])
        let added = try #require(try await catalog.photo(root: "/library", relativePath: "photo-100.jpg"))
        #expect(try await index.nearest(to: Self.query(3), limit: 1).first?.photoID == added.id)

        // A replaced embedding moves it.
        try await catalog.apply([.putEmbedding(photoID: added.id, Self.query(5))])
        #expect(try await index.nearest(to: Self.query(5), limit: 1).first?.photoID == added.id)
        #expect(try await index.nearest(to: Self.query(3), limit: 1).first?.photoID != added.id)

        // Archived photos leave the default filter but stay in `.everything`.
        try await catalog.apply([.setFlags(photoID: added.id, favorite: false, archived: true)])
        #expect(try await index.nearest(to: Self.query(5), limit: 1).first?.photoID != added.id)
        #expect(try await index.nearest(to: Self.query(5), limit: 1, filter: .everything).first?.photoID == added.id)

        // A failed re-index and a deletion remove photos.
        try await catalog.apply([.setFlags(photoID: added.id, favorite: false, archived: false)])
        let victim = try #require(try await index.nearest(to: Self.query(1), limit: 1).first?.photoID)
        let victimPhoto = try #require(try await catalog.photos(ids: [victim]).first)
        try await catalog.recordFailures([IndexFailure(
            file: LibraryFile(root: victimPhoto.libraryRoot, relativePath: victimPhoto.relativePath, size: 1, modifiedAt: Date()),
            contentHash: nil, reason: "broken")])
        #expect(try await index.nearest(to: Self.query(1), limit: 60).allSatisfy { $0.photoID != victim })
        try await catalog.apply([.deletePhoto(photoID: added.id)])
        #expect(try await index.nearest(to: Self.query(5), limit: 60, filter: .everything).allSatisfy { $0.photoID != added.id })
        #expect(await index.loadedCount(model: TestLibrary.model, dims: Self.dims) == 49)
    }

    @Test func writesByAnotherProcessAreSeenThroughTheChangeLog() async throws {
        let folder = try TestPaths.makeTemporaryDirectory("viewfinder-inprocess")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("catalog.db").path
        let server = InProcessVectorIndex(
            source: try SQLiteCatalog(path: path), settings: InProcessVectorSettings(precision: .int8), pool: TestLibrary.pool)
        // Stands in for `viewfinder index` running in another process on the same file.
        let indexer = try SQLiteCatalog(path: path)
        try await Self.seed(indexer, count: 40)
        _ = try await server.nearest(to: Self.query(0), limit: 5)
        #expect(await server.loadedCount(model: TestLibrary.model, dims: Self.dims) == 40)

        try await indexer.save([TestLibrary.photo(200, Self.query(2).vector)])
        let added = try #require(try await indexer.photo(root: "/library", relativePath: "photo-200.jpg"))
        #expect(try await server.nearest(to: Self.query(2), limit: 1).first?.photoID == added.id)

        try await indexer.apply([.putEmbedding(photoID: added.id, Self.query(7))])
        #expect(try await server.nearest(to: Self.query(7), limit: 1).first?.photoID == added.id)

        try await indexer.apply([.setFlags(photoID: added.id, favorite: false, archived: true)])
        #expect(try await server.nearest(to: Self.query(7), limit: 1).first?.photoID != added.id)
        #expect(try await server.nearest(to: Self.query(7), limit: 1, filter: .everything).first?.photoID == added.id)

        try await indexer.apply([.deletePhoto(photoID: added.id)])
        #expect(try await server.nearest(to: Self.query(7), limit: 50, filter: .everything).allSatisfy { $0.photoID != added.id })
        #expect(await server.loadedCount(model: TestLibrary.model, dims: Self.dims) == 40)

        // More changes than one page of the log: the space is reloaded instead of replayed.
        var generator = SeededGenerator(seed: 11)
        try await indexer.save((1000..<(1000 + 4200)).map { TestLibrary.photo($0, generator.vector(Self.dims)) })
        _ = try await server.nearest(to: Self.query(0), limit: 5)
        #expect(await server.loadedCount(model: TestLibrary.model, dims: Self.dims) == 4240)
    }
}
