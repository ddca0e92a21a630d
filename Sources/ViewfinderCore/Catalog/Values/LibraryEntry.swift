public import struct Foundation.Date

/// What the catalog knows about one file of a library root, for the scanner's change detection.
public struct LibraryEntry: Sendable, Equatable {
    /// The photo's catalog id.
    public let photoID: Int64
    /// The library root it belongs to.
    public let root: String
    /// Its path relative to the root.
    public let relativePath: String
    /// Size in bytes when last seen.
    public let size: Int64
    /// Modification time when last seen.
    public let modifiedAt: Date
    /// SHA-256 of its bytes when last read ("" when never read).
    public let contentHash: String
    /// Its indexing state.
    public let status: IndexStatus
    /// Since when its file is missing (nil: present).
    public let missingSince: Date?
    /// Whether it has an embedding for the model and dims the entries were listed for.
    public let embedded: Bool

    /// Creates an entry.
    public init(
        photoID: Int64, root: String, relativePath: String, size: Int64, modifiedAt: Date, contentHash: String,
        status: IndexStatus, missingSince: Date?, embedded: Bool
    ) {
        self.photoID = photoID
        self.root = root
        self.relativePath = relativePath
        self.size = size
        self.modifiedAt = modifiedAt
        self.contentHash = contentHash
        self.status = status
        self.missingSince = missingSince
        self.embedded = embedded
    }
}
