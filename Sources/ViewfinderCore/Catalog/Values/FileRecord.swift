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
