/// A stored vector's id and its similarity (dot product) with the query.
public struct MatrixMatch: Sendable, Hashable {
    /// The id the vector was stored under.
    public let id: Int64
    /// The dot product with the query; the cosine similarity for normalised vectors.
    public let score: Float

    /// Creates a match.
    public init(id: Int64, score: Float) {
        self.id = id
        self.score = score
    }

    /// Ranking order: higher score first, then smaller id, so results are deterministic.
    public func ranksBefore(_ other: MatrixMatch) -> Bool {
        score > other.score || (score == other.score && id < other.id)
    }
}
