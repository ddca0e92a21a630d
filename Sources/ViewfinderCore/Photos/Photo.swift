public import struct Foundation.Date

/// Where a photo stands in the indexing pipeline.
public enum IndexStatus: String, Sendable, Codable, CaseIterable {
    /// Found but not yet (re-)embedded.
    case pending
    /// Metadata read and embedded with at least one model.
    case indexed
    /// Reading or decoding failed; `Photo.errorReason` says why.
    case failed
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
    /// Width in pixels after orientation; 0 when unknown.
    public var width: Int
    /// Height in pixels after orientation; 0 when unknown.
    public var height: Int
    /// Indexing state.
    public var status: IndexStatus
    /// Why indexing failed, when `status == .failed`.
    public var errorReason: String?

    /// Creates a photo value.
    public init(
        id: Int64, uid: String, libraryRoot: String, relativePath: String, size: Int64,
        modifiedAt: Date, contentHash: String, width: Int, height: Int,
        status: IndexStatus, errorReason: String? = nil
    ) {
        self.id = id
        self.uid = uid
        self.libraryRoot = libraryRoot
        self.relativePath = relativePath
        self.size = size
        self.modifiedAt = modifiedAt
        self.contentHash = contentHash
        self.width = width
        self.height = height
        self.status = status
        self.errorReason = errorReason
    }

    /// The absolute path of the file.
    public var absolutePath: String {
        libraryRoot.hasSuffix("/") ? libraryRoot + relativePath : libraryRoot + "/" + relativePath
    }
}
