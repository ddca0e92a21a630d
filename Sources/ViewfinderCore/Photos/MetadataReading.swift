public import struct Foundation.Date
public import struct Foundation.URL

/// Reads picture files' headers and embedded metadata (EXIF, XMP, IPTC) without decoding pixels.
public protocol MetadataReading: Sendable {
    /// The file's format, recognised from its first bytes; nil for an empty file.
    func contentType(of file: URL) async throws(ViewfinderError) -> ContentType?
    /// Everything the file says about itself; throws when it cannot be read or is not a picture.
    ///
    /// The capture time falls back from embedded metadata to a date in the file name to the
    /// modification time; `metadata.takenAtSource` records which one was used.
    func details(of file: URL) async throws(ViewfinderError) -> ImageFileDetails
    /// What a picture already in memory says about itself, as `details(of:)` reads it from a file.
    ///
    /// Its size is the bytes' count; `modifiedAt` stands in for the file's modification time (the last
    /// fallback for the capture time).
    func details(of picture: PictureBytes, modifiedAt: Date) async throws(ViewfinderError) -> ImageFileDetails
}
