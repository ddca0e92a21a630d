/// A file that could not be indexed, and why.
public struct IndexFailure: Sendable, Equatable {
    /// The scanned file.
    public let file: LibraryFile
    /// SHA-256 of its bytes, when it could be read.
    public let contentHash: String?
    /// A readable reason.
    public let reason: String

    /// Creates a failure record.
    public init(file: LibraryFile, contentHash: String?, reason: String) {
        self.file = file
        self.contentHash = contentHash
        self.reason = reason
    }
}
