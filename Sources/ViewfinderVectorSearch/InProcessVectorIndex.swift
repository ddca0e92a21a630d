import VectorIndex
public import ViewfinderCore

/// The vector-search role for backends without vector SQL (SQLite, MariaDB before 11.7): exact nearest neighbours
/// from contiguous in-memory matrices, scanned on an injected thread pool.
///
/// It decorates nothing but ``VectorSearching``: every other role is the store's own. A space (model, dims) is
/// loaded from the store on its first query; the store's change log (written by every writer, in any process)
/// brings it up to date before each query. A store without a change log is re-read on every query.
public actor InProcessVectorIndex: VectorSearching {
    /// What the index reads: the vectors, the change log, and the SQL candidate sets of filters.
    public typealias Source = PhotoReading & EmbeddingReading

    /// The store whose vectors are indexed.
    public let source: any Source
    /// How vectors are held and scanned.
    public let settings: InProcessVectorSettings
    /// Where scans run.
    let pool: VectorScanPool

    var spaces: [SpaceKey: VectorSpaceIndex] = [:]
    /// Indexed photos that are archived (hidden by the default filter).
    var archivedIDs: Set<Int64> = []
    /// Whether `archivedIDs` has been read from the store.
    var archivedLoaded = false
    /// The change-log position everything in memory reflects; nil before the first look at the log.
    var syncedSequence: Int64?
    /// Whether the store keeps a change log (nil until asked).
    var hasChangeLog: Bool?
    /// Log entries just below `syncedSequence` that were already applied (commits can land out of order).
    var appliedSequences: Set<Int64> = []
    /// Log entries up to here are reflected by a load (the position when the spaces were last dropped).
    var ignoredThrough: Int64 = 0
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Indexes the vectors of `source`; scans run on `pool`'s threads, split into `settings.threads` parts.
    public init(source: any Source, settings: InProcessVectorSettings = InProcessVectorSettings(), pool: VectorScanPool) {
        self.source = source
        self.settings = settings
        self.pool = pool
    }

    /// Approximate memory held per photo in a space of `dims` components with these settings.
    public static func bytesPerPhoto(dims: Int, settings: InProcessVectorSettings) -> Int {
        VectorSpaceIndex(dims: dims, precision: settings.precision).bytesPerPhoto
    }

    /// Waits until no other synchronisation runs (an actor is reentrant across its awaits).
    func lock() async {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
    }

    /// Lets the next waiter in.
    func unlock() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }

    /// One embedding space.
    struct SpaceKey: Hashable, Sendable {
        let model: ModelID
        let dims: Int
    }

    public nonisolated func describing(_ capabilities: CatalogCapabilities) -> CatalogCapabilities {
        var capabilities = capabilities
        let rescored = settings.precision == .float32 ? "" : ", re-scored in float32"
        let description = "none in the database; searched in process (\(settings.precision.rawValue) matrix\(rescored))"
        for key in Array(capabilities.vectorIndexes.keys) { capabilities.vectorIndexes[key] = description }
        capabilities.searchPath =
            "in-process vector index: SQL candidate set, exact top-k over \(settings.precision.rawValue) rows\(rescored), \(settings.threads) threads"
        return capabilities
    }
}
