import Foundation
import Testing
import ViewfinderCore

/// The search fields of `PhotoFilter` mean the same on every backend as in the in-memory reference.
@Suite struct SearchFilterContractTests {
    @Test(arguments: Backend.allCases)
    func searchFiltersSelectTheReferenceSet(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let library = try await SeededLibrary.seed(scope.catalog)
            for (name, filter, hasMatches) in library.searchFilters {
                let expected = library.expectedIDs(filter)
                #expect(expected.isEmpty != hasMatches, "reference for \(name) has \(expected.count) matches")
                let found = try await scope.catalog.photoIDs(matching: filter, limit: 100_000)
                #expect(found == expected, "\(backend) \(name)")
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func searchFiltersApplyInsideTheVectorRanking(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let library = try await SeededLibrary.seed(scope.catalog)
            var generator = SeededGenerator(seed: 7)
            for (name, filter, _) in library.searchFilters {
                let query = generator.unitVector(library.dims)
                let expected = library.bruteForce(query, limit: 10, filter: filter)
                let found = try await scope.vectors.nearest(
                    to: Embedding(model: SeededLibrary.model, vector: query), limit: 10, filter: filter, strategy: .exact)
                #expect(found.map(\.photoID) == expected.map(\.photoID), "\(backend) \(name)")
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func keywordMatchesHonourSearchFilters(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let library = try await SeededLibrary.seed(scope.catalog)
            let filter = PhotoFilter(years: [2021], folders: ["folder1|folder2"].flatMap { $0.split(separator: "|").map(String.init) })
            let found = try await scope.catalog.keywordMatches("beach", filter: filter, limit: 1000)
            var withKeyword = filter
            withKeyword.keywords = "beach"
            #expect(Set(found.map(\.photoID)) == Set(library.expectedIDs(withKeyword)), "\(backend)")
        }
    }
}

/// Listings in every order, paged, agree with the in-memory order on every backend.
@Suite struct ListingOrderContractTests {
    @Test(arguments: Backend.allCases)
    func everyOrderPagesLikeTheReference(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let library = try await SeededLibrary.seed(scope.catalog, count: 120)
            for filter in [PhotoFilter(), PhotoFilter(camera: "canon|apple"), PhotoFilter(folders: ["folder2"])] {
                for order in SearchOrder.allCases {
                    let expected = library.expectedIDs(filter).compactMap { library.photos[$0] }
                        .sorted { order.precedes($0, $1) }.map(\.id)
                    let all = try await scope.catalog.photoIDs(matching: filter, order: order, limit: 1000, offset: 0)
                    #expect(all == expected, "\(backend) \(order)")
                    let page = try await scope.catalog.photoIDs(matching: filter, order: order, limit: 7, offset: 5)
                    #expect(page == Array(expected.dropFirst(5).prefix(7)), "\(backend) \(order) page")
                }
            }
        }
    }
}
