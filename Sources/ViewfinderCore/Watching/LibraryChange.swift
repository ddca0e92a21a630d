/// One change a library watcher saw below a library root.
public struct LibraryChange: Sendable, Equatable, CustomStringConvertible {
    /// What happened to the file or folder.
    public enum Kind: String, Sendable, Equatable {
        /// A file was written and closed, or a link to a file appeared.
        case written
        /// A file or folder was moved (or renamed) to this path.
        case movedIn = "moved-in"
        /// A file or folder was moved (or renamed) away from this path.
        case movedOut = "moved-out"
        /// A file was deleted.
        case deleted
        /// A folder appeared; it is watched from now on.
        case folderCreated = "folder-created"
        /// A folder was deleted.
        case folderDeleted = "folder-deleted"
    }

    /// What happened.
    public let kind: Kind
    /// The library root the path is under.
    public let root: String
    /// The path relative to `root`, with `/` separators.
    public let relativePath: String

    /// Creates a change.
    public init(_ kind: Kind, root: String, relativePath: String) {
        self.kind = kind
        self.root = root
        self.relativePath = relativePath
    }

    public var description: String { "\(kind.rawValue) \(relativePath)" }
}

/// What a library watch reports.
public enum LibraryWatchEvent: Sendable, Equatable {
    /// Every folder below the roots is watched (sent once, after the initial walk); `folders` counts them.
    case ready(folders: Int)
    /// A file or folder changed.
    case changed(LibraryChange)
    /// Changes were lost (the kernel's event queue overflowed): only a full pass over every root sees them all.
    case overflow
    /// Watching stopped for good (the reason says why, and what to do); the sequence ends after this.
    case failed(reason: String)
}
