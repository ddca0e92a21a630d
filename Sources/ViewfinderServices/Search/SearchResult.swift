public import ViewfinderCore

/// One ranked photo.
public struct SearchResult: Sendable {
    /// The photo.
    public let photo: Photo
    /// The ranking score: the cosine similarity for a purely semantic query, the hybrid score in [0, 1]
    /// when keyword relevance is mixed in, the normalised keyword relevance for a keyword query, 0 for a listing.
    public let score: Float
    /// Cosine similarity with the semantic query, in [-1, 1], when there was one and the photo was ranked by it.
    public let similarity: Float?

    /// Creates a result.
    public init(photo: Photo, score: Float, similarity: Float? = nil) {
        self.photo = photo
        self.score = score
        self.similarity = similarity
    }
}
