import Foundation
import Testing
import ViewfinderCore

/// Vectors come back exactly as stored (float32) or rounded only to float16 precision (when configured).
@Suite struct EmbeddingContractTests {
    private static let awkward: [Float] = [
        0.1, -0.25, .pi, 1e-30, -0.0, 1e-40, -1e18, 0.333_333_34, 123_456.79, -1e-7, 0.5, 2,
    ]

    private func indexed(_ name: String, _ vector: [Float], model: ModelID = "m") -> IndexedPhoto {
        IndexedPhoto(
            file: LibraryFile(root: "/photos", relativePath: name, size: 1, modifiedAt: Date(timeIntervalSince1970: 1)),
            contentHash: name, width: 1, height: 1, embedding: Embedding(model: model, vector: vector))
    }

    @Test(arguments: Backend.allCases)
    func float32VectorsRoundTripBitExactly(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let catalog = scope.catalog
            try await catalog.save([indexed("a.jpg", Self.awkward)])
            let id = try #require(try await catalog.photo(root: "/photos", relativePath: "a.jpg")?.id)
            let stored = try #require(try await catalog.embedding(photoID: id, model: "m", dims: Self.awkward.count))
            #expect(stored.vector.map(\.bitPattern) == Self.awkward.map(\.bitPattern))
            let all = try await catalog.vectors(model: "m", dims: Self.awkward.count)
            #expect(all.count == 1 && all.first?.vector.map(\.bitPattern) == Self.awkward.map(\.bitPattern))
            #expect(try await catalog.hasEmbedding(photoID: id, model: "m", dims: Self.awkward.count))
        }
    }

    @Test(arguments: Backend.allCases)
    func modelsAndDimensionsNeverMix(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let catalog = scope.catalog
            try await catalog.save([indexed("a.jpg", [1, 0, 0, 0], model: "alpha"), indexed("b.jpg", [0, 1, 0, 0], model: "beta")])
            let a = try #require(try await catalog.photo(root: "/photos", relativePath: "a.jpg")?.id)
            // A second model and a truncated (matryoshka) vector for the same photo live side by side.
            try await catalog.apply([
                .putEmbedding(photoID: a, Embedding(model: "beta", vector: [0, 0, 1, 0])),
                .putEmbedding(photoID: a, Embedding(model: "alpha", vector: [1, 0])),
            ])
            #expect(try await catalog.vectors(model: "alpha", dims: 4).map(\.photoID) == [a])
            #expect(try await catalog.vectors(model: "alpha", dims: 2).map(\.vector) == [[1, 0]])
            #expect(Set(try await catalog.vectors(model: "beta", dims: 4).map(\.vector)) == [[0, 1, 0, 0], [0, 0, 1, 0]])
            #expect(try await catalog.vectors(model: "gamma", dims: 4).isEmpty)
            let near = try await scope.vectors.nearest(to: Embedding(model: "alpha", vector: [0, 1, 0, 0]), limit: 10)
            #expect(near.map(\.photoID) == [a], "only alpha/4 vectors are compared")
            #expect(try await scope.vectors.nearest(to: Embedding(model: "gamma", vector: [1]), limit: 3).isEmpty)
            #expect(try await catalog.counts().embedded == ["alpha/4": 1, "alpha/2": 1, "beta/4": 2])
        }
    }

    @Test(arguments: [Backend.sqlite, .postgres])
    func float16VectorsRoundTripWithinHalfPrecision(_ backend: Backend) async throws {
        try await backend.withCatalog(precision: .float16) { scope in
            let catalog = scope.catalog
            var generator = SeededGenerator(seed: 7)
            let vector = generator.unitVector(64)
            try await catalog.save([indexed("a.jpg", vector)])
            let id = try #require(try await catalog.photo(root: "/photos", relativePath: "a.jpg")?.id)
            let stored = try #require(try await catalog.embedding(photoID: id, model: "m", dims: 64)).vector
            #expect(stored.count == 64)
            for (original, back) in zip(vector, stored) {
                // Half precision keeps 11 significant bits: relative error ≤ 2^-11, or tiny absolute error near 0.
                #expect(abs(original - back) <= max(abs(original) * 0.000_489, 6.0e-8), "\(original) → \(back)")
            }
            #expect(stored != vector, "float16 storage was configured, so at least one component must be rounded")
            let capabilities = try await catalog.capabilities()
            #expect(capabilities.vectorStorage.contains(backend == .postgres ? "halfvec" : "float16"))
        }
    }
}
