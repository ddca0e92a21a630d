public import struct Foundation.Date

/// The catalog role that writes what indexing and users change. Every call is one transaction.
public protocol PhotoWriting: Sendable {
    /// Writes a batch of indexed photos and their embeddings in one transaction.
    func save(_ batch: [IndexedPhoto]) async throws(ViewfinderError)
    /// Records files that failed, so they are reported and not retried until they change.
    func recordFailures(_ failures: [IndexFailure]) async throws(ViewfinderError)
    /// Writes an indexing batch, its indexed photos and its failures, in one transaction.
    func save(_ batch: [IndexedPhoto], failures: [IndexFailure]) async throws(ViewfinderError)
    /// Refreshes size and mtime of a photo whose content did not change.
    func touch(photoID: Int64, size: Int64, modifiedAt: Date) async throws(ViewfinderError)
    /// Applies `changes` in one transaction: all of them, or (on any error) none.
    func apply(_ changes: [CatalogChange]) async throws(ViewfinderError)
    /// Builds the approximate vector index for `model` at `dims` if the backend builds it after bulk loads.
    func finishBulkLoad(model: ModelID, dims: Int) async throws(ViewfinderError)
}

extension PhotoWriting {
    /// A batch without failures.
    public func save(_ batch: [IndexedPhoto]) async throws(ViewfinderError) {
        try await save(batch, failures: [])
    }

    /// Failures without indexed photos.
    public func recordFailures(_ failures: [IndexFailure]) async throws(ViewfinderError) {
        try await save([], failures: failures)
    }
}
