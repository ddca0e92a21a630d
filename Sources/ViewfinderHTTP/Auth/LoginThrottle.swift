import Foundation

/// Counts failed logins and refuses further attempts for a while after too many.
actor LoginThrottle {
    private var failures: [Date] = []
    private let limit: Int
    private let window: TimeInterval

    /// Allows `limit` failures per `window` seconds.
    init(limit: Int, window: Int) {
        self.limit = max(1, limit)
        self.window = TimeInterval(max(1, window))
    }

    /// Seconds until another attempt is allowed, or nil when one is allowed now.
    func retryAfter(now: Date = Date()) -> Int? {
        failures.removeAll { now.timeIntervalSince($0) >= window }
        guard failures.count >= limit, let oldest = failures.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }

    /// Records a failed attempt.
    func recordFailure(now: Date = Date()) { failures.append(now) }
}
