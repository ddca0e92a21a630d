import Foundation
import Testing
import ViewfinderCore

/// Top-k on every backend equals exact brute force; the native approximate indexes report their recall.
@Suite struct VectorSearchContractTests {
    @Test(arguments: Backend.allCases)
    func exactTopKEqualsBruteForceUnderEveryFilter(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let library = try await SeededLibrary.seed(scope.catalog)
            var generator = SeededGenerator(seed: 99)
            for (name, filter) in library.filters {
                for _ in 0..<4 {
                    let query = generator.unitVector(library.dims)
                    let expected = library.bruteForce(query, limit: 10, filter: filter)
                    let found = try await scope.vectors.nearest(
                        to: Embedding(model: SeededLibrary.model, vector: query), limit: 10, filter: filter, strategy: .exact)
                    Self.expectSameRanking(found, expected, "\(backend) \(name)")
                }
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func approximateTopKHasHighRecall(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let library = try await SeededLibrary.seed(scope.catalog, count: 600)
            var generator = SeededGenerator(seed: 1234)
            var hits = 0
            var wanted = 0
            for (_, filter) in library.filters {
                for _ in 0..<5 {
                    let query = generator.unitVector(library.dims)
                    let expected = library.bruteForce(query, limit: 10, filter: filter)
                    let found = try await scope.vectors.nearest(
                        to: Embedding(model: SeededLibrary.model, vector: query), limit: 10, filter: filter,
                        strategy: .approximate)
                    let automatic = try await scope.vectors.nearest(
                        to: Embedding(model: SeededLibrary.model, vector: query), limit: 10, filter: filter)
                    #expect(automatic.count == expected.count)
                    let expectedIDs = Set(expected.map(\.photoID))
                    hits += found.filter { expectedIDs.contains($0.photoID) }.count
                    wanted += expected.count
                    #expect(found.count <= 10)
                    #expect(zip(found, found.dropFirst()).allSatisfy { $0.similarity >= $1.similarity }, "sorted by similarity")
                    #expect(found.allSatisfy { library.expectedIDs(filter).contains($0.photoID) }, "filter respected")
                }
            }
            let recall = Double(hits) / Double(max(wanted, 1))
            let capabilities = try await scope.roles.capabilities()
            print("recall@10 \(backend.rawValue) (\(capabilities.vectorIndexes.values.first ?? "no index")): \(String(format: "%.3f", recall)) over \(wanted) expected results")
            if backend.hasApproximateIndex {
                #expect(capabilities.nativeVectorSearch)
                #expect(recall >= 0.9, "recall@10 \(recall)")
            } else {
                #expect(recall == 1, "exact backends must find exactly the brute-force results")
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func filtersAgreeWithTheReferenceMeaning(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let library = try await SeededLibrary.seed(scope.catalog, count: 200)
            for (name, filter) in library.filters {
                let found = try await scope.catalog.photoIDs(matching: filter, limit: 10_000)
                #expect(found == library.expectedIDs(filter), "\(backend) \(name)")
            }
            #expect(try await scope.catalog.photoIDs(matching: .everything, limit: 7).count == 7)
        }
    }

    @Test(arguments: Backend.allCases)
    func keywordSearchFindsEveryTermInTitleDescriptionOrKeywords(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let library = try await SeededLibrary.seed(scope.catalog, count: 200)
            for text in ["beach", "SNOW sunset", "forest picture", "nothingmatches"] {
                let found = try await scope.catalog.keywordMatches(text, filter: .everything, limit: 1000)
                #expect(Set(found.map(\.photoID)) == Set(library.expectedIDs(PhotoFilter(archived: nil, keywords: text))), "\(backend) '\(text)'")
                #expect(zip(found, found.dropFirst()).allSatisfy { $0.relevance >= $1.relevance })
            }
            let favourites = try await scope.catalog.keywordMatches("beach", filter: PhotoFilter(favorite: true), limit: 1000)
            #expect(Set(favourites.map(\.photoID)) == Set(library.expectedIDs(PhotoFilter(favorite: true, keywords: "beach"))))
            #expect(try await scope.catalog.keywordMatches("  ,, ", filter: .everything, limit: 10).isEmpty)
        }
    }

    /// Same photos in the same order; neighbours whose similarities differ by less than 1e-5 may swap.
    static func expectSameRanking(_ found: [VectorMatch], _ expected: [VectorMatch], _ label: String) {
        #expect(found.count == expected.count, "\(label): \(found.count) results, expected \(expected.count)")
        for (rank, (got, want)) in zip(found, expected).enumerated() {
            #expect(abs(got.similarity - want.similarity) < 1e-4, "\(label) rank \(rank): \(got.similarity) vs \(want.similarity)")
            if got.photoID != want.photoID {
                #expect(abs(got.similarity - want.similarity) < 1e-5, "\(label) rank \(rank): \(got.photoID) vs \(want.photoID)")
            }
        }
    }
}
