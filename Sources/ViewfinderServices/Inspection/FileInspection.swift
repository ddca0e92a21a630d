public import struct Foundation.URL
public import ViewfinderCore

/// Everything Viewfinder reads from one file, and what went wrong reading it.
public struct FileInspection: Sendable {
    /// One problem, tagged with the step that found it.
    public struct Problem: Sendable, Equatable {
        /// The step: `read`, `hash`, `metadata` or `decode`.
        public let step: String
        /// The reason, worded for people.
        public let message: String

        /// Creates a problem record.
        public init(step: String, message: String) {
            self.step = step
            self.message = message
        }
    }

    /// The file inspected.
    public let file: URL
    /// The format recognised from the file's first bytes; nil when empty or unreadable.
    public var contentType: ContentType?
    /// The file's size in bytes and modification time.
    public var state: LibraryFile?
    /// Lowercase hex SHA-256 of the bytes.
    public var contentHash: String?
    /// Header facts and metadata, when the header could be read.
    public var details: ImageFileDetails?
    /// Whether the pixels decode into a model input (checked with a 224-pixel CLIP input).
    public var decodes = false
    /// Everything that failed, in the order the steps ran.
    public var problems: [Problem] = []

    /// Creates an empty inspection of `file`.
    public init(file: URL) {
        self.file = file
    }
}
