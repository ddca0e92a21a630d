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
