import Foundation
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

        let catalog = InProcessVectorCatalog(wrapping: inner, settings: InProcessVectorSettings(precision: precision, threads: 2))
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
        let catalog = InProcessVectorCatalog(wrapping: inner)
        #expect(try await catalog.nearest(to: Embedding(model: "other", vector: [1, 0, 0]), limit: 5).isEmpty)
        #expect(try await catalog.nearest(to: Embedding(model: TestLibrary.model, vector: [1, 0]), limit: 5).isEmpty)
        #expect(try await catalog.nearest(to: Embedding(model: TestLibrary.model, vector: [1, 0, 0]), limit: 0).isEmpty)
        let capabilities = try await catalog.capabilities()
        #expect(capabilities.searchPath.hasPrefix("in-process vector index"))
    }

    @Test func memoryPerPhotoIsAsDocumented() {
        #expect(InProcessVectorCatalog.bytesPerPhoto(dims: 256, settings: InProcessVectorSettings(precision: .float32)) == 1056)
        #expect(InProcessVectorCatalog.bytesPerPhoto(dims: 256, settings: InProcessVectorSettings(precision: .float16)) == 1056 + 544)
        #expect(InProcessVectorCatalog.bytesPerPhoto(dims: 256, settings: InProcessVectorSettings(precision: .int8)) == 1056 + 292)
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
