/// Exact nearest-neighbour ranking by cosine similarity: the reference every vector index is measured against.
public struct ExactVectorSearch: Sendable {
    private let query: [Float]
    private let queryNorm: Float
    private let limit: Int
    private var best: [VectorMatch] = []

    /// Starts a ranking of the `limit` candidates most similar to `query`.
    public init(query: [Float], limit: Int) {
        self.query = query
        self.queryNorm = VectorMath.dot(query, query).squareRoot()
        self.limit = max(0, limit)
        best.reserveCapacity(self.limit + 1)
    }

    /// Cosine similarity of two equally long vectors; 0 when either is zero.
    public static func cosineSimilarity(_ a: [Float], _ b: [Float]) -> Float {
        let norms = (VectorMath.dot(a, a) * VectorMath.dot(b, b)).squareRoot()
        return norms > 0 ? VectorMath.dot(a, b) / norms : 0
    }

    /// Offers a candidate; vectors of another length are ignored. Ties keep the smaller photo id first.
    public mutating func offer(photoID: Int64, vector: [Float]) {
        guard limit > 0, vector.count == query.count else { return }
        let norms = queryNorm * VectorMath.dot(vector, vector).squareRoot()
        let similarity = norms > 0 ? VectorMath.dot(query, vector) / norms : 0
        let candidate = VectorMatch(photoID: photoID, similarity: similarity)
        if best.count == limit, let last = best.last, !Self.isBetter(candidate, than: last) { return }
        let position = best.firstIndex { Self.isBetter(candidate, than: $0) } ?? best.count
        best.insert(candidate, at: position)
        if best.count > limit { best.removeLast() }
    }

    /// The ranking so far, most similar first.
    public var matches: [VectorMatch] { best }

    private static func isBetter(_ a: VectorMatch, than b: VectorMatch) -> Bool {
        a.similarity > b.similarity || (a.similarity == b.similarity && a.photoID < b.photoID)
    }
}
