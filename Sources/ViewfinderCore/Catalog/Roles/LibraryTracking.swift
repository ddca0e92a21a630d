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

/// A picture read without embedding it (CLIP off): what the catalog stores about the file.
public struct FileRecord: Sendable {
    /// The scanned file.
    public let file: LibraryFile
    /// SHA-256 of its bytes.
    public let contentHash: String
    /// Width after orientation (0 when unknown).
    public let width: Int
    /// Height after orientation (0 when unknown).
    public let height: Int
    /// The file's MIME type, when known.
    public let mimeType: String?
    /// The EXIF orientation the file was stored with (1–8).
    public let orientation: Int
    /// Capture and text metadata; nil keeps what the catalog already has.
    public let metadata: PhotoMetadata?

    /// Creates a record.
    public init(
        file: LibraryFile, contentHash: String, width: Int, height: Int, mimeType: String?, orientation: Int,
        metadata: PhotoMetadata?
    ) {
        self.file = file
        self.contentHash = contentHash
        self.width = width
        self.height = height
        self.mimeType = mimeType
        self.orientation = orientation
        self.metadata = metadata
    }
}

/// The catalog operations the indexing worker needs to follow files on disk: list, move, mark missing, prune.
///
/// Kept apart from `PhotoCatalog`'s declaration so that these few methods are easy to find; every
/// catalog implements them (PhotoCatalog refines this protocol).
public protocol LibraryTracking: Sendable {
    /// Every photo of `root` (present, failed or missing), with whether it is embedded with `model` at `dims`.
    func libraryEntries(root: String, model: ModelID, dims: Int) async throws(ViewfinderError) -> [LibraryEntry]
    /// Points a photo at `file` (a move, a rename or a reappearance), keeping its metadata and embeddings;
    /// the photo becomes indexed and present again.
    func relocate(photoID: Int64, to file: LibraryFile) async throws(ViewfinderError)
    /// Marks photos whose files are gone as missing since `date` (already missing ones keep their date).
    func markMissing(photoIDs: [Int64], at date: Date) async throws(ViewfinderError)
    /// Stores pictures without embeddings in one transaction (indexed, found by metadata; embedded once CLIP runs).
    func recordFiles(_ records: [FileRecord]) async throws(ViewfinderError)
    /// Deletes embeddings of every (model, dims) except `model` at `dims`; returns how many were deleted.
    func pruneEmbeddings(keeping model: ModelID, dims: Int) async throws(ViewfinderError) -> Int
}
