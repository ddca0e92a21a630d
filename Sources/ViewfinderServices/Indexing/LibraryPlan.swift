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
}
