/// A library file read once: its bytes and the SHA-256 computed over them while they were read.
public struct FileContents: Sendable {
    /// The bytes, named by the file's last path component.
    public let picture: PictureBytes
    /// Lowercase hex SHA-256 of `picture.bytes`.
    public let contentHash: String

    /// Pairs bytes with their hash.
    public init(picture: PictureBytes, contentHash: String) {
        self.picture = picture
        self.contentHash = contentHash
    }
}
