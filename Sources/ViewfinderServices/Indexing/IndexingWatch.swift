public import ViewfinderCore

/// How the indexing worker follows a watched library: who watches, and how changes become passes.
public struct IndexingWatch: Sendable {
    /// Reports changes below the library roots.
    public var watcher: any LibraryWatching
    /// A pass starts this long after the last change.
    public var debounce: Duration
    /// …and at the latest this long after the first change, however steady the changes.
    public var maximumDelay: Duration
    /// When watching fails (e.g. the inotify watch limit), runs start this often instead.
    public var fallbackInterval: Duration

    /// Creates watch options; the maximum delay defaults to the larger of one minute and four debounces.
    public init(
        watcher: any LibraryWatching, debounce: Duration = .seconds(5), maximumDelay: Duration? = nil,
        fallbackInterval: Duration = .seconds(6 * 3600)
    ) {
        self.watcher = watcher
        self.debounce = debounce
        self.maximumDelay = maximumDelay ?? max(.seconds(60), debounce * 4)
        self.fallbackInterval = fallbackInterval
    }

    /// A debouncer with these delays.
    var debouncer: ChangeDebouncer { ChangeDebouncer(quiet: debounce, maximumDelay: maximumDelay) }
}
