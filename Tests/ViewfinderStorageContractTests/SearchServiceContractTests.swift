import Foundation
import Testing
import ViewfinderCore
import ViewfinderServices

/// `SearchService` over every backend: colour queries with filters, `similar`, `min_score` and date order
/// return exactly the photos the library's structure predicts (see `ColourLibrary`).
@Suite struct SearchServiceContractTests {
    /// Maps colour words to their axis.
    struct ColourWords: TextEmbedding {
        let model = ColourLibrary.model
        let dims = ColourLibrary.dims
        func embed(_ texts: [String]) -> [Embedding] {
            texts.map { Embedding(model: model, vector: ColourLibrary.axis($0)) }
        }
    }

    private static func search(_ catalog: Catalog, _ items: [(String, String)]) async throws -> SearchPage {
        let service = SearchService(
            catalog: catalog, textEmbedder: ColourWords(), settings: SearchSettings(defaultMinScore: 0.5))
        return try await service.search(try SearchQuery.parse(items.map { (name: $0.0, value: $0.1) }))
    }

    private static func paths(_ page: SearchPage) -> [String] { page.results.map(\.photo.relativePath) }

    @Test(arguments: Backend.allCases)
    func colourQueriesWithFiltersReturnExactlyTheExpectedPhotos(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let library = try await ColourLibrary.seed(scope.catalog)
            let catalog = scope.catalog
            let cases: [([(String, String)], [String])] = [
                ([("q", "red")], library.expected("red")),
                ([("q", "blue year:2021")], library.expected("blue") { $0.k % 4 == 2 }),
                ([("q", "green camera:canon")], library.expected("green") { $0.k % 3 == 0 }),
                ([("q", "yellow"), ("latlng", "48.5,16.6,48.0,16.2")], library.expected("yellow") { $0.k < 4 }),
                ([("q", "red path:home")], library.expected("red") { $0.k % 2 == 1 }),
                ([("q", "blue"), ("album", library.albumTitle)], library.expected("blue") { $0.k % 3 == 0 }),
                ([("q", "red year:2019|2020 camera:nikon|apple")],
                 library.expected("red") { $0.k % 4 < 2 && $0.k % 3 != 0 }),
                ([("q", "green"), ("geo", "false")], library.expected("green") { $0.k >= 6 }),
            ]
            for (items, expected) in cases {
                let page = try await Self.search(scope.roles, items)
                #expect(Self.paths(page) == expected, "\(backend) \(items)")
                #expect(page.semantic)
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func similarReturnsTheSameColourWithoutThePhotoItself(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let library = try await ColourLibrary.seed(scope.catalog)
            let source = try #require(library.items.first { $0.colour == "green" && $0.k == 3 })
            let uid = try #require(source.photo?.uid)
            let page = try await Self.search(scope.roles, [("similar", uid)])
            var scored: [(path: String, similarity: Double)] = []
            for item in library.items where item.colour == "green" && item.k != 3 {
                var dot = 0.0
                for index in 0..<item.vector.count { dot += Double(item.vector[index]) * Double(source.vector[index]) }
                scored.append((item.photo?.relativePath ?? "", dot))
            }
            let expected = scored.sorted { $0.similarity > $1.similarity }.map { $0.path }
            #expect(expected.count == 7)
            #expect(Self.paths(page) == expected, "\(backend)")
        }
    }

    @Test(arguments: Backend.allCases)
    func minScoreRemovesNonMatchesAndSaysSo(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let library = try await ColourLibrary.seed(scope.catalog)
            // Only yellow photos in the red query's folder filter: nothing reaches the threshold.
            let none = try await Self.search(scope.roles, [("q", "red"), ("name", "yellow-*")])
            #expect(none.results.isEmpty && none.notices == [SearchService.noGoodMatchNotice], "\(backend)")
            // Without a threshold the same query returns the nearest (non-matching) photos.
            let loose = try await Self.search(scope.roles, [("q", "red"), ("name", "yellow-*"), ("min_score", "-1")])
            #expect(loose.results.count == 8, "\(backend)")
            let strict = try await Self.search(scope.roles, [("clip", "red"), ("min_score", "0.95")])
            #expect(Set(Self.paths(strict)).isSubset(of: Set(library.expected("red"))))
        }
    }

    @Test(arguments: Backend.allCases)
    func dateOrdersSortTheRelevantSet(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let library = try await ColourLibrary.seed(scope.catalog)
            let red = library.items.filter { $0.colour == "red" }
            let newest = try await Self.search(scope.roles, [("clip", "red"), ("order", "newest")])
            #expect(Self.paths(newest) == red.sorted { $0.takenAt > $1.takenAt }.compactMap(\.photo?.relativePath), "\(backend)")
            let oldest = try await Self.search(scope.roles, [("clip", "red"), ("order", "oldest"), ("count", "3"), ("offset", "2")])
            #expect(Self.paths(oldest) == Array(red.sorted { $0.takenAt < $1.takenAt }.compactMap(\.photo?.relativePath)[2..<5]))
        }
    }
}
