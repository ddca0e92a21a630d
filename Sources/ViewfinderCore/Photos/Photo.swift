public import struct Foundation.Date

/// Where a photo stands in the indexing pipeline.
public enum IndexStatus: String, Sendable, Codable, CaseIterable {
    /// Found but not yet (re-)embedded.
    case pending
    /// Metadata read and embedded with at least one model.
    case indexed
    /// Reading or decoding failed; `Photo.errorReason` says why.
    case failed
    /// The file is gone; the photo keeps its metadata and embeddings until the grace period ends.
    case missing
}

/// One picture file in a library, as the catalog knows it.
public struct Photo: Sendable, Equatable, Identifiable {
    /// The catalog's row id.
    public var id: Int64
    /// A stable public identifier, safe to show in URLs.
    public var uid: String
    /// The library root the photo belongs to.
    public var libraryRoot: String
    /// The path relative to `libraryRoot`, with `/` separators.
    public var relativePath: String
    /// File size in bytes.
    public var size: Int64
    /// The file's modification time.
    public var modifiedAt: Date
    /// Lowercase hex SHA-256 of the file's bytes.
    public var contentHash: String
    /// The file's MIME type, e.g. `image/jpeg`, when known.
    public var mimeType: String?
    /// Width in pixels after orientation; 0 when unknown.
    public var width: Int
    /// Height in pixels after orientation; 0 when unknown.
    public var height: Int
    /// The EXIF orientation (1–8) the file was stored with; 1 when upright or unknown.
    public var orientation: Int
    /// Capture and text metadata.
    public var metadata: PhotoMetadata
    /// Marked as a favourite.
    public var favorite: Bool
    /// Archived (hidden from normal results).
    public var archived: Bool
    /// When the catalog first saw the photo.
    public var addedAt: Date
    /// When the catalog last changed the photo's row.
    public var updatedAt: Date
    /// Indexing state.
    public var status: IndexStatus
    /// Why indexing failed, when `status == .failed`.
    public var errorReason: String?
    /// How many indexing attempts failed.
    public var attempts: Int

    /// Creates a photo value.
    public init(
        id: Int64, uid: String, libraryRoot: String, relativePath: String, size: Int64,
        modifiedAt: Date, contentHash: String, width: Int, height: Int,
        status: IndexStatus, errorReason: String? = nil,
        mimeType: String? = nil, orientation: Int = 1, metadata: PhotoMetadata = PhotoMetadata(),
        favorite: Bool = false, archived: Bool = false, addedAt: Date? = nil, updatedAt: Date? = nil,
        attempts: Int = 0
    ) {
        self.id = id
        self.uid = uid
        self.libraryRoot = libraryRoot
        self.relativePath = relativePath
        self.size = size
        self.modifiedAt = modifiedAt
        self.contentHash = contentHash
        self.mimeType = mimeType
        self.width = width
        self.height = height
        self.orientation = orientation
        self.metadata = metadata
        self.favorite = favorite
        self.archived = archived
        self.addedAt = addedAt ?? modifiedAt
        self.updatedAt = updatedAt ?? addedAt ?? modifiedAt
        self.status = status
        self.errorReason = errorReason
        self.attempts = attempts
    }

    /// The absolute path of the file.
    public var absolutePath: String {
        libraryRoot.hasSuffix("/") ? libraryRoot + relativePath : libraryRoot + "/" + relativePath
    }
}
