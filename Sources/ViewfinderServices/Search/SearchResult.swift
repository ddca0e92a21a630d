public import ViewfinderCore

/// One ranked photo.
public struct SearchResult: Sendable {
    /// The photo.
    public let photo: Photo
    /// Cosine similarity with the query, in [-1, 1].
    public let score: Float

    /// Creates a result.
    public init(photo: Photo, score: Float) {
        self.photo = photo
        self.score = score
    }
}
