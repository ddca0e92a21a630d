public import struct Foundation.Date

/// What the indexer learned about one file, written together with its embedding.
public struct IndexedPhoto: Sendable {
    /// The scanned file.
    public let file: LibraryFile
    /// SHA-256 of its bytes.
    public let contentHash: String
    /// Width after orientation.
    public let width: Int
    /// Height after orientation.
    public let height: Int
    /// Its normalised embedding with the active model.
    public let embedding: Embedding
    /// The file's MIME type, when known.
    public let mimeType: String?
    /// The EXIF orientation the file was stored with (1–8).
    public let orientation: Int
    /// Capture and text metadata read from the file; nil keeps what the catalog already has.
    public let metadata: PhotoMetadata?

    /// Creates an indexing result.
    public init(
        file: LibraryFile, contentHash: String, width: Int, height: Int, embedding: Embedding,
        mimeType: String? = nil, orientation: Int = 1, metadata: PhotoMetadata? = nil
    ) {
        self.file = file
        self.contentHash = contentHash
        self.width = width
        self.height = height
        self.embedding = embedding
        self.mimeType = mimeType
        self.orientation = orientation
        self.metadata = metadata
    }
}

/// A file that could not be indexed, and why.
public struct IndexFailure: Sendable, Equatable {
    /// The scanned file.
    public let file: LibraryFile
    /// SHA-256 of its bytes, when it could be read.
    public let contentHash: String?
    /// A readable reason.
    public let reason: String

    /// Creates a failure record.
    public init(file: LibraryFile, contentHash: String?, reason: String) {
        self.file = file
        self.contentHash = contentHash
        self.reason = reason
    }
}

/// A stored vector and the photo it belongs to.
public struct StoredVector: Sendable {
    /// The photo's catalog id.
    public let photoID: Int64
    /// The normalised vector.
    public let vector: [Float]

    /// Creates a stored vector.
    public init(photoID: Int64, vector: [Float]) {
        self.photoID = photoID
        self.vector = vector
    }
}

/// Counts that `viewfinder status` reports.
public struct CatalogCounts: Sendable, Equatable, Codable {
    /// All photos in the catalog.
    public var photos: Int
    /// Photos whose indexing failed.
    public var failed: Int
    /// Embedded photos per "model/dims" key.
    public var embedded: [String: Int]
    /// Photos whose files are missing (kept until the grace period ends).
    public var missing: Int

    /// Creates a counts value.
    public init(photos: Int, failed: Int, embedded: [String: Int], missing: Int = 0) {
        self.photos = photos
        self.failed = failed
        self.embedded = embedded
        self.missing = missing
    }
}

/// The photo catalog: every read and write of photos, albums and embeddings goes through it.
///
/// Implementations: SQLite (embedded), PostgreSQL + pgvector, MariaDB; all pass one contract suite.
/// Every write is atomic: a call either commits everything it was given or nothing.
public protocol PhotoCatalog: LibraryTracking {
    /// The photo stored for `relativePath` under `root`, if any.
    func photo(root: String, relativePath: String) async throws(ViewfinderError) -> Photo?
    /// The photo with this public uid, if any.
    func photo(uid: String) async throws(ViewfinderError) -> Photo?
    /// A photo whose file has this content hash and is not missing (the lowest id when several share it).
    func photo(contentHash: String) async throws(ViewfinderError) -> Photo?
    /// Whether `photoID` has an embedding for `model` with `dims` components.
    func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Bool
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
    /// All vectors stored for `model` at `dims` (of indexed photos).
    func vectors(model: ModelID, dims: Int) async throws(ViewfinderError) -> [StoredVector]
    /// The stored embedding of `photoID` for `model` at `dims`, if any.
    func embedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Embedding?
    /// The `limit` indexed photos nearest to `query` among those matching `filter`, most similar first.
    ///
    /// Only vectors of the query's model and dimension are compared. The filter is part of the same query,
    /// never applied to a truncated ranking.
    func nearest(
        to query: Embedding, limit: Int, filter: PhotoFilter, strategy: VectorSearchStrategy
    ) async throws(ViewfinderError) -> [VectorMatch]
    /// Photos whose title, description or keywords contain every term of `text`, most relevant first.
    func keywordMatches(_ text: String, filter: PhotoFilter, limit: Int) async throws(ViewfinderError) -> [KeywordMatch]
    /// Ids of indexed photos matching `filter`, in ascending id order.
    func photoIDs(matching filter: PhotoFilter, limit: Int) async throws(ViewfinderError) -> [Int64]
    /// Ids of indexed photos matching `filter` in `order` (`relevance` sorts like `newest`): `limit` of them
    /// after skipping `offset`. Photos without a capture date come last in date orders; the id breaks ties.
    func photoIDs(
        matching filter: PhotoFilter, order: SearchOrder, limit: Int, offset: Int
    ) async throws(ViewfinderError) -> [Int64]
    /// Builds the approximate vector index for `model` at `dims` if the backend builds it after bulk loads.
    func finishBulkLoad(model: ModelID, dims: Int) async throws(ViewfinderError)
    /// Creates an album.
    func createAlbum(title: String, description: String?) async throws(ViewfinderError) -> Album
    /// All albums, by title.
    func albums() async throws(ViewfinderError) -> [Album]
    /// Gives an album a new title (trimmed; an empty title is refused).
    func renameAlbum(id: Int64, title: String) async throws(ViewfinderError)
    /// Deletes an album (its photos stay in the catalog).
    func deleteAlbum(id: Int64) async throws(ViewfinderError)
    /// The photos with these ids, in no particular order.
    func photos(ids: [Int64]) async throws(ViewfinderError) -> [Photo]
    /// Catalog-wide counts.
    func counts() async throws(ViewfinderError) -> CatalogCounts
    /// What this backend is and how it searches vectors.
    func capabilities() async throws(ViewfinderError) -> CatalogCapabilities
    /// Up to `limit` change-log entries (embedding writes, index-status and archived-flag changes, deletions)
    /// with a sequence number above `sequence`; nil when the backend keeps no change log.
    func vectorChanges(after sequence: Int64, limit: Int) async throws(ViewfinderError) -> VectorChangeFeed?
}

extension PhotoCatalog {
    /// Backends without a change log report none.
    public func vectorChanges(after sequence: Int64, limit: Int) async throws(ViewfinderError) -> VectorChangeFeed? {
        nil
    }

    /// The `limit` nearest photos to `query` matching `filter`, letting the backend choose its index.
    public func nearest(to query: Embedding, limit: Int, filter: PhotoFilter = PhotoFilter())
        async throws(ViewfinderError) -> [VectorMatch]
    {
        try await nearest(to: query, limit: limit, filter: filter, strategy: .automatic)
    }
}
