import Synchronization
public import ViewfinderCore

/// How one indexing run behaves: what it re-checks, whether it embeds, and when it stops.
public struct IndexingRun: Sendable {
    /// Hash every file, even when its size and modification time did not change.
    public var rescan: Bool
    /// Retry files that failed before, even when they did not change.
    public var retryFailed: Bool
    /// Whether pictures are embedded; false only follows files (new, moved, missing) without the model.
    public var embed: Bool
    /// How long a missing photo is kept (with its metadata and embeddings) before it is purged.
    public var missingGracePeriod: Duration
    /// Asked between batches; when it says stop, the run ends after the batch it is committing.
    public var stop: IndexingStopSignal
    /// When set, files are claimed before they are embedded, and the run goes on until no work is left
    /// anywhere (taking over the files of workers whose claims expired).
    public var sharing: SharedIndexing?

    /// Creates run options; by default a normal incremental run that embeds and keeps missing photos 30 days.
    public init(
        rescan: Bool = false, retryFailed: Bool = false, embed: Bool = true,
        missingGracePeriod: Duration = .seconds(30 * 24 * 3600), stop: IndexingStopSignal = IndexingStopSignal(),
        sharing: SharedIndexing? = nil
    ) {
        self.sharing = sharing
        self.rescan = rescan
        self.retryFailed = retryFailed
        self.embed = embed
        self.missingGracePeriod = missingGracePeriod
        self.stop = stop
    }
}

/// A flag a signal handler or a controller sets to end a run after its current batch.
public final class IndexingStopSignal: Sendable {
    private let requested = Atomic<Bool>(false)

    /// Creates an unset signal.
    public init() {}

    /// Asks the run to stop after its current batch.
    public func request() { requested.store(true, ordering: .relaxed) }

    /// Whether a stop was requested.
    public var isRequested: Bool { requested.load(ordering: .relaxed) }
}
