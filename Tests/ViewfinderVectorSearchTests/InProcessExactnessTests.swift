import Foundation
import NIOPosix
import Testing
import VectorIndex
import ViewfinderCore
import ViewfinderTestSupport
import ViewfinderVectorSearch

/// The in-process index returns exactly what a naive brute-force ranking returns, at every precision.
@Suite struct InProcessExactnessTests {
    @Test(arguments: MatrixPrecision.allCases)
    func equalsNaiveBruteForceWithAndWithoutFilters(_ precision: MatrixPrecision) async throws {
        let inner = InMemoryPhotoCatalog()
        var generator = SeededGenerator(seed: 20_261_129)
        let dims = 48
        try await inner.save((0..<3000).map { TestLibrary.photo($0, generator.vector(dims)) })
        let ids = await inner.photoIDs(matching: .everything, limit: 10_000)
        var changes: [CatalogChange] = []
        for id in ids where id % 7 == 0 { changes.append(.setFlags(photoID: id, favorite: true, archived: id % 2 == 0)) }
        try await inner.apply(changes)
        var vectors: [Int64: [Float]] = [:]
        for stored in await inner.vectors(model: TestLibrary.model, dims: dims) { vectors[stored.photoID] = stored.vector }

        let catalog = InProcessVectorIndex(
            source: inner, settings: InProcessVectorSettings(precision: precision, threads: 2), pool: TestLibrary.pool)
        let filters: [(String, PhotoFilter)] = [
            ("everything", .everything), ("default (hides archived)", PhotoFilter()),
            ("favourites", PhotoFilter(favorite: true, archived: nil)),
        ]
        for (name, filter) in filters {
            let allowed = Set(await inner.photoIDs(matching: filter, limit: 10_000))
            for _ in 0..<5 {
                let query = generator.vector(dims)
                for limit in [1, 10, 57] {
                    let expected = TestLibrary.bruteForce(query, vectors, among: allowed, limit: limit)
                    let found = try await catalog.nearest(
                        to: Embedding(model: TestLibrary.model, vector: query), limit: limit, filter: filter, strategy: .exact)
                    Self.expectSameRanking(found, expected, "\(precision) \(name) k=\(limit)")
                }
            }
        }
        #expect(await catalog.loadedCount(model: TestLibrary.model, dims: dims) == 3000)
    }

    @Test func anotherSpaceOrAnEmptyOneAnswersNothing() async throws {
        let inner = InMemoryPhotoCatalog()
        try await inner.save([TestLibrary.photo(1, [1, 0, 0])])
        let catalog = InProcessVectorIndex(source: inner, pool: TestLibrary.pool)
        #expect(try await catalog.nearest(to: Embedding(model: "other", vector: [1, 0, 0]), limit: 5).isEmpty)
        #expect(try await catalog.nearest(to: Embedding(model: TestLibrary.model, vector: [1, 0]), limit: 5).isEmpty)
        #expect(try await catalog.nearest(to: Embedding(model: TestLibrary.model, vector: [1, 0, 0]), limit: 0).isEmpty)
        let capabilities = catalog.describing(try await inner.capabilities())
        #expect(capabilities.searchPath.hasPrefix("in-process vector index"))
    }

    @Test func memoryPerPhotoIsAsDocumented() {
        #expect(InProcessVectorIndex.bytesPerPhoto(dims: 256, settings: InProcessVectorSettings(precision: .float32)) == 1056)
        #expect(InProcessVectorIndex.bytesPerPhoto(dims: 256, settings: InProcessVectorSettings(precision: .float16)) == 1056 + 544)
        #expect(InProcessVectorIndex.bytesPerPhoto(dims: 256, settings: InProcessVectorSettings(precision: .int8)) == 1056 + 292)
    }

    /// Same photos in the same order; neighbours whose similarities differ by less than 1e-5 may swap.
    static func expectSameRanking(_ found: [VectorMatch], _ expected: [VectorMatch], _ label: String) {
        #expect(found.count == expected.count, "\(label): \(found.count) results, expected \(expected.count)")
        for (rank, (got, want)) in zip(found, expected).enumerated() {
            #expect(abs(got.similarity - want.similarity) < 1e-5, "\(label) rank \(rank): \(got.similarity) vs \(want.similarity)")
            if got.photoID != want.photoID {
                #expect(abs(got.similarity - want.similarity) < 1e-6, "\(label) rank \(rank): \(got.photoID) vs \(want.photoID)")
            }
        }
    }
}

/// Scans run on the injected thread pool, and the index copes with a store that keeps no change log.
@Suite struct InProcessPoolTests {
    /// The in-memory catalog without its change log, as a backend that keeps none.
    struct Unlogged: InProcessVectorIndex.Source {
        let inner: InMemoryPhotoCatalog
        func photo(root: String, relativePath: String) async throws(ViewfinderError) -> Photo? {
            await inner.photo(root: root, relativePath: relativePath)
        }
        func photo(uid: String) async throws(ViewfinderError) -> Photo? { await inner.photo(uid: uid) }
        func photos(ids: [Int64]) async throws(ViewfinderError) -> [Photo] { await inner.photos(ids: ids) }
        func photoIDs(matching filter: PhotoFilter, limit: Int) async throws(ViewfinderError) -> [Int64] {
            await inner.photoIDs(matching: filter, limit: limit)
        }
        func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Bool {
            await inner.hasEmbedding(photoID: photoID, model: model, dims: dims)
        }
        func vectors(model: ModelID, dims: Int) async throws(ViewfinderError) -> [StoredVector] {
            await inner.vectors(model: model, dims: dims)
        }
        func embedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Embedding? {
            await inner.embedding(photoID: photoID, model: model, dims: dims)
        }
    }

    @Test func aShutDownPoolIsAClearErrorNotAScanElsewhere() async throws {
        let inner = InMemoryPhotoCatalog()
        try await inner.save([TestLibrary.photo(1, [1, 0, 0])])
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        try await threadPool.shutdownGracefully()
        let index = InProcessVectorIndex(source: inner, pool: VectorScanPool(threadPool: threadPool))
        await #expect(throws: ViewfinderError.self) {
            _ = try await index.nearest(to: Embedding(model: TestLibrary.model, vector: [1, 0, 0]), limit: 1)
        }
    }

    @Test func aStoreWithoutAChangeLogIsReadAgainForEveryQuery() async throws {
        let inner = InMemoryPhotoCatalog()
        try await inner.save([TestLibrary.photo(1, [1, 0, 0])])
        let index = InProcessVectorIndex(source: Unlogged(inner: inner), pool: TestLibrary.pool)
        let first = try await index.nearest(to: Embedding(model: TestLibrary.model, vector: [0, 1, 0]), limit: 1)
        try await inner.save([TestLibrary.photo(2, [0, 1, 0])])
        let second = try await index.nearest(to: Embedding(model: TestLibrary.model, vector: [0, 1, 0]), limit: 1)
        #expect(first.first?.photoID != second.first?.photoID)
        #expect(second.first.map { abs($0.similarity - 1) < 1e-6 } == true)
    }
}
