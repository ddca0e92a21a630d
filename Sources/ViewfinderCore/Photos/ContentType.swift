/// A file format recognised from the file's content.
public struct ContentType: Sendable, Hashable, Codable {
    /// The MIME type, e.g. `image/jpeg`.
    public let mimeType: String
    /// A short name for people, e.g. `JPEG`.
    public let name: String

    /// Creates a content type.
    public init(mimeType: String, name: String) {
        self.mimeType = mimeType
        self.name = name
    }

    /// Whether this is a picture format (`image/…`).
    public var isImage: Bool { mimeType.hasPrefix("image/") }
}
