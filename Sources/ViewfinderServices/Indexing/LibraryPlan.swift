import ViewfinderCore

/// What a scan changed compared with the catalog, and what the run does about it.
struct LibraryPlan: Sendable {
    /// Files to decode and embed (new, changed, failed ones being retried, ones lacking the active model).
    var work: [LibraryFile] = []
    /// Photos whose content did not change but whose size or time did.
    var touched: [(photoID: Int64, file: LibraryFile)] = []
    /// Photos found again, at a new path (a move) or at their old one (a reappearance).
    var moved: [(photoID: Int64, file: LibraryFile)] = []
    /// Photos whose file is gone.
    var missing: [Int64] = []
    /// Missing photos past the grace period.
    var purge: [Int64] = []
    /// Queued files whose size or time moved: their photo, its stored hash, and whether it was missing. The read
    /// that decodes them also tells a touch (same hash: no re-embedding) from an edit, so they are read once.
    var stored: [String: StoredContent] = [:]

    /// The key of `file` in ``stored`` (and wherever files of a batch are matched by root and path).
    static func key(_ file: LibraryFile) -> String { file.root + "\u{0}" + file.relativePath }

    /// What the catalog holds for a queued file.
    struct StoredContent: Sendable {
        let photoID: Int64
        let contentHash: String
        let missing: Bool
    }
}
