/// When watched changes start an indexing pass: once the library has been quiet for `quiet`, but no later than
/// `maximumDelay` after the first change, so that a steady trickle of changes is still indexed.
///
/// A pure value: the caller records changes and asks whether a pass is due, passing the time in.
public struct ChangeDebouncer: Sendable, Equatable {
    /// The time measured with.
    public typealias Instant = ContinuousClock.Instant

    /// How long after the last change a pass starts.
    public let quiet: Duration
    /// How long after the first change a pass starts at the latest (never shorter than `quiet`).
    public let maximumDelay: Duration
    /// Changes recorded since the last pass was due.
    public private(set) var pendingChanges = 0
    private var first: Instant?
    private var last: Instant?

    /// Creates a debouncer with nothing pending.
    public init(quiet: Duration, maximumDelay: Duration) {
        self.quiet = max(quiet, .zero)
        self.maximumDelay = max(maximumDelay, self.quiet)
    }

    /// Whether changes are waiting for a pass.
    public var isPending: Bool { pendingChanges > 0 }

    /// When the next pass is due, or nil when nothing is pending.
    public var deadline: Instant? {
        guard let first, let last else { return nil }
        return min(last + quiet, first + maximumDelay)
    }

    /// Records a change seen at `now`.
    public mutating func record(at now: Instant) {
        if first == nil { first = now }
        last = max(last ?? now, now)
        pendingChanges += 1
    }

    /// If a pass is due at `now`: how many changes it covers, and nothing is pending any more. Else nil.
    public mutating func fire(at now: Instant) -> Int? {
        guard let deadline, now >= deadline else { return nil }
        let count = pendingChanges
        self = ChangeDebouncer(quiet: quiet, maximumDelay: maximumDelay)
        return count
    }
}
