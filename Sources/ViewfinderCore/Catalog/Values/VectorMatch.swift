/// A photo found by a nearest-neighbour query.
public struct VectorMatch: Sendable, Equatable {
    /// The photo's catalog id.
    public var photoID: Int64
    /// Cosine similarity with the query, in [-1, 1] (1 − cosine distance).
    public var similarity: Float

    /// Creates a match.
    public init(photoID: Int64, similarity: Float) {
        self.photoID = photoID
        self.similarity = similarity
    }
}
