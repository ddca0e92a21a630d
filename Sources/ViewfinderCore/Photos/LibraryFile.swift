public import struct Foundation.Date
public import struct Foundation.URL

/// A file found while scanning a library root.
public struct LibraryFile: Sendable, Equatable {
    /// The library root it was found under.
    public let root: String
    /// The path relative to `root`, with `/` separators.
    public let relativePath: String
    /// Size in bytes.
    public let size: Int64
    /// Modification time.
    public let modifiedAt: Date

    /// Creates a scanned file entry.
    public init(root: String, relativePath: String, size: Int64, modifiedAt: Date) {
        self.root = root
        self.relativePath = relativePath
        self.size = size
        self.modifiedAt = modifiedAt
    }

    /// The absolute path of the file.
    public var absolutePath: String {
        root.hasSuffix("/") ? root + relativePath : root + "/" + relativePath
    }

    /// The file's URL.
    public var absoluteURL: URL { URL(fileURLWithPath: absolutePath) }
}

/// The result of scanning one library root.
public struct LibraryScan: Sendable {
    /// Files with a supported picture type.
    public let pictures: [LibraryFile]
    /// Files skipped because their type is not a supported picture type.
    public let unsupported: [LibraryFile]

    /// Creates a scan result.
    public init(pictures: [LibraryFile], unsupported: [LibraryFile]) {
        self.pictures = pictures
        self.unsupported = unsupported
    }
}

/// Reads library folders: enumerates files and hashes their content. Never writes.
public protocol LibraryFileSystem: Sendable {
    /// Recursively lists the files below `root`, skipping hidden files and folders.
    ///
    /// Symbolic links to files are listed (a link that loops or dangles too, so reading it reports why);
    /// symbolic links to folders are followed only when the implementation is configured to, and a folder
    /// reached twice is walked once, so link cycles cannot make a scan endless.
    func scan(root: String) async throws(ViewfinderError) -> LibraryScan
    /// Lowercase hex SHA-256 of the file's bytes.
    func contentHash(of file: LibraryFile) async throws(ViewfinderError) -> String
    /// The file's bytes, read once, with their SHA-256 computed while reading (what the indexer decodes).
    ///
    /// Throws the same per-file errors as `contentHash(of:)` when the file cannot be opened or read.
    func read(_ file: LibraryFile) async throws(ViewfinderError) -> FileContents
    /// The file as it is on disk now (size and modification time), to notice changes made while it was read.
    func currentState(of file: LibraryFile) async throws(ViewfinderError) -> LibraryFile
}
