import Foundation
import Testing
import ViewfinderCore
import ViewfinderServices
import ViewfinderTestSupport

/// Near-duplicates are grouped through nearest-neighbour links, with the keeper chosen by resolution then size.
@Suite struct DuplicateServiceTests {
    private static let model: ModelID = "dup-model"

    private static func axis(_ index: Int, nudge: Float = 0, towards other: Int = 0) -> [Float] {
        var vector = [Float](repeating: 0, count: 12)
        vector[index] = 1
        vector[other] += nudge
        return vector
    }

    private static func photo(_ name: String, _ vector: [Float], width: Int, size: Int64) -> IndexedPhoto {
        IndexedPhoto(
            file: LibraryFile(root: "/library", relativePath: name, size: size, modifiedAt: Date(timeIntervalSince1970: 1_700_000_000)),
            contentHash: name, width: width, height: width, embedding: Embedding(model: model, vector: VectorMath.normalized(vector)))
    }

    private static func seeded() async throws -> InMemoryPhotoCatalog {
        let catalog = InMemoryPhotoCatalog()
        try await catalog.save([
            photo("a-small.jpg", axis(0, nudge: 0.05, towards: 1), width: 100, size: 900),
            photo("a-large.jpg", axis(0), width: 400, size: 800),
            photo("b-copy1.jpg", axis(2), width: 300, size: 500),
            photo("b-copy2.jpg", axis(2), width: 300, size: 700),
            // A chain: c1 ~ c2 ~ c3, while c1 and c3 are further apart than the limit.
            photo("c1.jpg", axis(4), width: 50, size: 10),
            photo("c2.jpg", axis(4, nudge: 0.15, towards: 5), width: 50, size: 10),
            photo("c3.jpg", axis(4, nudge: 0.32, towards: 5), width: 50, size: 10),
            photo("unique1.jpg", axis(7), width: 100, size: 100),
            photo("unique2.jpg", axis(9), width: 100, size: 100),
        ])
        return catalog
    }

    @Test func groupsNearIdenticalVectorsAndSuggestsTheKeeper() async throws {
        let catalog = try await Self.seeded()
        let groups = try await DuplicateService(catalog: catalog, vectors: catalog).groups(model: Self.model, dims: 12, maxDistance: 0.02)
        let names = groups.map { [$0.keeper.relativePath] + $0.others.map(\.relativePath).sorted() }
        #expect(names == [["a-large.jpg", "a-small.jpg"], ["b-copy2.jpg", "b-copy1.jpg"], ["c1.jpg", "c2.jpg", "c3.jpg"]])
        #expect(groups.allSatisfy { $0.largestDistance <= 0.02 })
        #expect(groups[1].largestDistance < 1e-6, "exact copies are at distance 0")
    }

    @Test func aTightLimitKeepsOnlyExactCopies() async throws {
        let catalog = try await Self.seeded()
        let groups = try await DuplicateService(catalog: catalog, vectors: catalog).groups(model: Self.model, dims: 12, maxDistance: 0.0001)
        #expect(groups.map(\.keeper.relativePath) == ["b-copy2.jpg"])
        #expect(try await DuplicateService(catalog: catalog, vectors: catalog).groups(model: "other", dims: 12).isEmpty)
    }

    @Test func rejectsAnInvalidDistance() async throws {
        let service = DuplicateService(catalog: InMemoryPhotoCatalog(), vectors: InMemoryPhotoCatalog())
        await #expect(throws: ViewfinderError.self) { try await service.groups(model: Self.model, dims: 12, maxDistance: -1) }
        await #expect(throws: ViewfinderError.self) { try await service.groups(model: Self.model, dims: 12, maxDistance: .nan) }
    }
}
