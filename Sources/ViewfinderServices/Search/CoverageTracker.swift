public import ViewfinderCore

/// The catalog's counts behind the coverage notice of semantic searches ("62% of photos embedded"), kept up to
/// date by writes instead of counted for every query.
///
/// Writers in this process (the indexer) call ``catalogDidChange()`` after each committed batch; writes by other
/// processes (an `index --worker` on the same server) are seen once the value is older than `maximumAge`.
public actor CoverageTracker: CatalogWriteObserving {
    /// Where the counts come from.
    let statistics: any CatalogStatistics
    /// How long a value is used while no write in this process has changed it.
    let maximumAge: Duration
    private var cached: (counts: CatalogCounts, readAt: ContinuousClock.Instant)?

    /// Tracks the counts of `statistics`.
    public init(statistics: any CatalogStatistics, maximumAge: Duration = .seconds(30)) {
        self.statistics = statistics
        self.maximumAge = maximumAge
    }

    /// The counts as of the last write, or as of at most `maximumAge` ago.
    public func counts() async throws(ViewfinderError) -> CatalogCounts {
        let now = ContinuousClock.now
        if let cached, now - cached.readAt < maximumAge { return cached.counts }
        let counts = try await statistics.counts()
        cached = (counts, now)
        return counts
    }

    /// Forgets the value: the next search counts again.
    public func catalogDidChange() {
        cached = nil
    }
}
