public import struct Foundation.Date

/// What a picture file says about itself, read from its header and metadata without decoding pixels.
public struct ImageFileDetails: Sendable, Equatable {
    /// The file's size in bytes.
    public var fileSize: Int64
    /// The file's modification time.
    public var modifiedAt: Date
    /// The format recognised from the file's first bytes (not from its name).
    public var contentType: ContentType
    /// Width in pixels after the EXIF orientation is applied.
    public var width: Int
    /// Height in pixels after the EXIF orientation is applied.
    public var height: Int
    /// The EXIF orientation (1–8) the pixels are stored with; 1 when upright or unknown.
    public var orientation: Int
    /// Capture and text metadata, with the capture time's source.
    public var metadata: PhotoMetadata
    /// The UTC offset of the capture time in seconds east, when the file states it;
    /// nil when the time was read in the local time zone (or there is none).
    public var timeZoneOffset: Int?

    /// Creates a details value.
    public init(
        fileSize: Int64, modifiedAt: Date, contentType: ContentType, width: Int, height: Int, orientation: Int,
        metadata: PhotoMetadata, timeZoneOffset: Int? = nil
    ) {
        self.fileSize = fileSize
        self.modifiedAt = modifiedAt
        self.contentType = contentType
        self.width = width
        self.height = height
        self.orientation = orientation
        self.metadata = metadata
        self.timeZoneOffset = timeZoneOffset
    }

    /// Width × height in millions of pixels.
    public var megapixels: Double { Double(width) * Double(height) / 1_000_000 }
}
