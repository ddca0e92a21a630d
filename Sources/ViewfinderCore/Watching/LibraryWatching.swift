/// Watches library roots for changes, so new and changed pictures are indexed without waiting for a schedule.
///
/// Implementations follow the scan rules of the file system they watch (hidden files, ignore patterns,
/// links to folders), watch folders created later, and never write.
public protocol LibraryWatching: Sendable {
    /// Starts watching every folder below `roots`; the returned watch reports changes until it is stopped.
    func watch(roots: [String]) -> LibraryWatch
}

/// A running watch: an asynchronous sequence of events that ends when the watch is stopped or fails.
public struct LibraryWatch: AsyncSequence, Sendable {
    /// The sequence's element.
    public typealias Element = LibraryWatchEvent

    private let events: AsyncStream<LibraryWatchEvent>
    private let stopper: @Sendable () -> Void

    /// Creates a watch over `events`; `stop` must make the sequence end soon (it may be called more than once).
    public init(events: AsyncStream<LibraryWatchEvent>, stop: @escaping @Sendable () -> Void) {
        self.events = events
        stopper = stop
    }

    /// Stops watching and releases what the watch holds; the sequence ends after the events already queued.
    public func stop() { stopper() }

    /// Iterates the events.
    public func makeAsyncIterator() -> AsyncStream<LibraryWatchEvent>.Iterator { events.makeAsyncIterator() }
}
