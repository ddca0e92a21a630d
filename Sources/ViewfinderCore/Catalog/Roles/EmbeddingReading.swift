/// The catalog role that reads stored embeddings, and the change log that says which ones changed.
public protocol EmbeddingReading: Sendable {
    /// Whether `photoID` has an embedding for `model` with `dims` components.
    func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Bool
    /// All vectors stored for `model` at `dims` (of indexed photos).
    func vectors(model: ModelID, dims: Int) async throws(ViewfinderError) -> [StoredVector]
    /// The stored embedding of `photoID` for `model` at `dims`, if any.
    func embedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Embedding?
    /// Up to `limit` change-log entries (embedding writes, index-status and archived-flag changes, deletions)
    /// with a sequence number above `sequence`; nil when the backend keeps no change log.
    func vectorChanges(after sequence: Int64, limit: Int) async throws(ViewfinderError) -> VectorChangeFeed?
}

extension EmbeddingReading {
    /// Backends without a change log report none.
    public func vectorChanges(after sequence: Int64, limit: Int) async throws(ViewfinderError) -> VectorChangeFeed? {
        nil
    }
}
