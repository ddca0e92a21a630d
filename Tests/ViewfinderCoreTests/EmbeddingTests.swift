import Testing
import ViewfinderCore

/// Pure vector arithmetic of the domain.
struct EmbeddingTests {
    @Test func normalizationGivesUnitLength() {
        let embedding = Embedding(model: "m", vector: [3, 4]).normalized()
        #expect(embedding.vector == [0.6, 0.8])
        #expect(Embedding(model: "m", vector: [0, 0]).normalized().vector == [0, 0])
    }

    @Test func matryoshkaTruncationKeepsThePrefixAndRenormalises() {
        let embedding = Embedding(model: "m", vector: [3, 4, 12]).truncated(to: 2)
        #expect(embedding.dims == 2)
        #expect(embedding.vector == [0.6, 0.8])
    }

    @Test func embeddingsOfDifferentModelsOrDimsAreNeverCompared() throws {
        let a = Embedding(model: "a", vector: [1, 0])
        #expect(try a.cosineSimilarity(to: Embedding(model: "a", vector: [0, 1])) == 0)
        #expect(throws: ViewfinderError.self) { _ = try a.cosineSimilarity(to: Embedding(model: "b", vector: [1, 0])) }
        #expect(throws: ViewfinderError.self) { _ = try a.cosineSimilarity(to: Embedding(model: "a", vector: [1, 0, 0])) }
    }

    @Test func photoUIDsHaveTheirShapeAndDiffer() {
        let uids = (0..<100).map { _ in PhotoUID.make() }
        #expect(uids.allSatisfy(PhotoUID.isValid))
        #expect(Set(uids).count == 100)
        #expect(!PhotoUID.isValid("../etc/passwd"))
    }
}
