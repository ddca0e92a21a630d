public import ViewfinderCore

/// One photo row to insert or update: an indexed photo, a recorded file or a failure.
///
/// Rows come only from the `rows` factories, which check every value first, so a write never sees an unchecked one.
public struct PhotoWrite: Sendable {
    /// The file the row describes.
    public let file: LibraryFile
    /// Its content hash ("" when a failure happened before hashing).
    public let contentHash: String
    /// Pixel width (0 for a failure).
    public let width: Int
    /// Pixel height (0 for a failure).
    public let height: Int
    /// The status the row gets.
    public let status: IndexStatus
    /// Why indexing failed, for a failure.
    public let reason: String?
    /// The MIME type, when known (an update keeps the stored one otherwise).
    public let mimeType: String?
    /// The EXIF orientation.
    public let orientation: Int
    /// Metadata to store with the row.
    public let metadata: PhotoMetadata?
    /// The embedding to store for the row.
    public let embedding: Embedding?

    /// The row of an indexed photo.
    init(_ item: IndexedPhoto) {
        self.init(
            file: item.file, contentHash: item.contentHash, width: item.width, height: item.height, status: .indexed,
            reason: nil, mimeType: item.mimeType, orientation: item.orientation, metadata: item.metadata,
            embedding: item.embedding)
    }

    /// The row of a file recorded without an embedding.
    init(_ record: FileRecord) {
        self.init(
            file: record.file, contentHash: record.contentHash, width: record.width, height: record.height,
            status: .indexed, reason: nil, mimeType: record.mimeType, orientation: record.orientation,
            metadata: record.metadata, embedding: nil)
    }

    /// The row of a file that failed to index: no size, type or metadata, and the reason.
    init(_ failure: IndexFailure) {
        self.init(
            file: failure.file, contentHash: failure.contentHash ?? "", width: 0, height: 0, status: .failed,
            reason: failure.reason, mimeType: nil, orientation: 1, metadata: nil, embedding: nil)
    }

    private init(
        file: LibraryFile, contentHash: String, width: Int, height: Int, status: IndexStatus, reason: String?,
        mimeType: String?, orientation: Int, metadata: PhotoMetadata?, embedding: Embedding?
    ) {
        self.file = file
        self.contentHash = contentHash
        self.width = width
        self.height = height
        self.status = status
        self.reason = reason
        self.mimeType = mimeType
        self.orientation = orientation
        self.metadata = metadata
        self.embedding = embedding
    }

    /// The rows of a `save`: the batch, then the failures; throws before any write when a value cannot be stored.
    public static func rows(_ batch: [IndexedPhoto], failures: [IndexFailure]) throws(ViewfinderError) -> [PhotoWrite] {
        for item in batch {
            try item.embedding.validateForStorage()
            try item.metadata?.validate()
        }
        return batch.map(PhotoWrite.init) + failures.map(PhotoWrite.init)
    }

    /// The rows of a `recordFiles`; throws before any write when metadata cannot be stored.
    public static func rows(_ records: [FileRecord]) throws(ViewfinderError) -> [PhotoWrite] {
        for record in records { try record.metadata?.validate() }
        return records.map(PhotoWrite.init)
    }
}

/// A model and dimension: one embedding space, which backends keep in its own table or rows.
public struct EmbeddingSpaceKey: Sendable, Hashable {
    /// The model.
    public let model: ModelID
    /// The dimension.
    public let dims: Int

    /// The space of `embedding`.
    public init(_ embedding: Embedding) {
        model = embedding.model
        dims = embedding.dims
    }

    /// The distinct spaces of `embeddings`, in first-use order.
    public static func distinct(_ embeddings: [Embedding]) -> [EmbeddingSpaceKey] {
        var seen = Set<EmbeddingSpaceKey>()
        return embeddings.map(EmbeddingSpaceKey.init).filter { seen.insert($0).inserted }
    }
}
