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
    /// Photos found at a new path (moved or renamed) or again at their old one; kept without re-embedding.
    public var moved = 0
    /// Photos whose files vanished in this run (marked missing).
    public var missing = 0
    /// Missing photos removed after their grace period.
    public var purged = 0
    /// Pictures waiting for an embedding that this run did not make (embedding is off, or the run was stopped).
    public var notEmbedded = 0
    /// Pictures stored with their metadata but without an embedding (embedding is off).
    public var recorded = 0
    /// Whether the run ended early because it was asked to stop.
    public var stopped = false

    /// Creates an empty report.
    public init() {}

    /// One line for people: what happened, in counts.
    public var summary: String {
        var parts = [
            "\(found) pictures found", "\(embedded) embedded", "\(unchanged) unchanged", "\(failures.count) failed",
        ]
        if previouslyFailed > 0 { parts.append("\(previouslyFailed) failed earlier (unchanged)") }
        if moved > 0 { parts.append("\(moved) moved") }
        if missing > 0 { parts.append("\(missing) missing") }
        if purged > 0 { parts.append("\(purged) purged") }
        if recorded > 0 { parts.append("\(recorded) stored without embedding") }
        if notEmbedded > 0 { parts.append("\(notEmbedded) not embedded") }
        if stopped { parts.append("stopped early") }
        if !unsupported.isEmpty { parts.append("\(unsupported.count) other files skipped") }
        return parts.joined(separator: ", ")
    }
}

/// Progress events the indexer emits while it works.
public enum IndexingEvent: Sendable {
    /// The scan finished; `pending` pictures need embedding.
    case scanned(found: Int, pending: Int)
    /// A batch goes to the encoder: `count` pictures, the first of them `firstFile`.
    case encoding(count: Int, firstFile: String)
    /// A batch was committed to the catalog.
    case batchCommitted(done: Int, pending: Int)
    /// A picture failed.
    case failed(IndexFailure)
}
