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

    /// Creates an indexing result.
    public init(file: LibraryFile, contentHash: String, width: Int, height: Int, embedding: Embedding) {
        self.file = file
        self.contentHash = contentHash
        self.width = width
        self.height = height
        self.embedding = embedding
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

    /// Creates a counts value.
    public init(photos: Int, failed: Int, embedded: [String: Int]) {
        self.photos = photos
        self.failed = failed
        self.embedded = embedded
    }
}

/// The photo catalog: every read and write of photos and embeddings goes through it.
public protocol PhotoCatalog: Sendable {
    /// The photo stored for `relativePath` under `root`, if any.
    func photo(root: String, relativePath: String) async throws(ViewfinderError) -> Photo?
    /// Whether `photoID` has an embedding for `model` with `dims` components.
    func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Bool
    /// Writes a batch of indexed photos and their embeddings in one transaction.
    func save(_ batch: [IndexedPhoto]) async throws(ViewfinderError)
    /// Records files that failed, so they are reported and not retried until they change.
    func recordFailures(_ failures: [IndexFailure]) async throws(ViewfinderError)
    /// Refreshes size and mtime of a photo whose content did not change.
    func touch(photoID: Int64, size: Int64, modifiedAt: Date) async throws(ViewfinderError)
    /// All vectors stored for `model` at `dims`.
    func vectors(model: ModelID, dims: Int) async throws(ViewfinderError) -> [StoredVector]
    /// The photos with these ids, in no particular order.
    func photos(ids: [Int64]) async throws(ViewfinderError) -> [Photo]
    /// Catalog-wide counts.
    func counts() async throws(ViewfinderError) -> CatalogCounts
}
