public import ViewfinderCore

/// What one indexing run did.
public struct IndexingReport: Sendable {
    /// Picture files found under the root.
    public var found = 0
    /// Pictures embedded in this run.
    public var embedded = 0
    /// Pictures already up to date (including ones whose mtime changed but content did not).
    public var unchanged = 0
    /// Pictures skipped because they failed earlier and have not changed since.
    public var previouslyFailed = 0
    /// Pictures that failed in this run, with reasons.
    public var failures: [IndexFailure] = []
    /// Files skipped because they are not a supported picture type.
    public var unsupported: [LibraryFile] = []

    /// Creates an empty report.
    public init() {}

    /// One line for people: what happened, in counts.
    public var summary: String {
        var parts = [
            "\(found) pictures found", "\(embedded) embedded", "\(unchanged) unchanged", "\(failures.count) failed",
        ]
        if previouslyFailed > 0 { parts.append("\(previouslyFailed) failed earlier (unchanged)") }
        if !unsupported.isEmpty { parts.append("\(unsupported.count) other files skipped") }
        return parts.joined(separator: ", ")
    }
}

/// Progress events the indexer emits while it works.
public enum IndexingEvent: Sendable {
    /// The scan finished; `pending` pictures need embedding.
    case scanned(found: Int, pending: Int)
    /// A batch was committed to the catalog.
    case batchCommitted(done: Int, pending: Int)
    /// A picture failed.
    case failed(IndexFailure)
}
