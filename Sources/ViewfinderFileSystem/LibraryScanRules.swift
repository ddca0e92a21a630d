/// What a scan skips and follows, beyond hidden files (always skipped).
public struct LibraryScanRules: Sendable, Equatable {
    /// The name of the per-folder ignore file; its patterns apply to that folder and below.
    public static let ignoreFileName = ".viewfinderignore"

    /// Patterns from the configuration, relative to each library root.
    public var ignore: [String]
    /// Whether symbolic links to folders are followed (a folder reached twice is skipped, so loops end).
    public var followSymlinks: Bool

    /// Creates rules; by default nothing extra is ignored and folder links are not followed.
    public init(ignore: [String] = [], followSymlinks: Bool = false) {
        self.ignore = ignore
        self.followSymlinks = followSymlinks
    }
}
