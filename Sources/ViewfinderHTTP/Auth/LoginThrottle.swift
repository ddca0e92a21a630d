import Foundation

/// Counts failed logins per client and refuses that client's further attempts for a while after too many.
///
/// Counting per client means a stranger who keeps guessing locks out only themselves, not the owner. Behind a
/// reverse proxy every client has the proxy's address, and the limit then acts for all of them together.
actor LoginThrottle {
    private var failures: [String: [Date]] = [:]
    private let limit: Int
    private let window: TimeInterval
    private let maxClients: Int

    /// Allows `limit` failures per `window` seconds per client, tracking at most `maxClients` clients.
    init(limit: Int, window: Int, maxClients: Int = 10_000) {
        self.limit = max(1, limit)
        self.window = TimeInterval(max(1, window))
        self.maxClients = max(1, maxClients)
    }

    /// Seconds until `client` may try again, or nil when an attempt is allowed now.
    func retryAfter(client: String, now: Date = Date()) -> Int? {
        let key = slot(for: client)
        guard var times = failures[key] else { return nil }
        times.removeAll { now.timeIntervalSince($0) >= window }
        failures[key] = times.isEmpty ? nil : times
        guard times.count >= limit, let oldest = times.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }

    /// Records a failed attempt by `client`.
    func recordFailure(client: String, now: Date = Date()) {
        if failures[client] == nil, failures.count >= maxClients { forgetExpired(now: now) }
        failures[slot(for: client), default: []].append(now)
    }

    /// Where `client`'s failures count: under its own address, or — once `maxClients` addresses are tracked (a
    /// distributed guess) — in one slot shared by every untracked address, so memory stays bounded and the
    /// newcomers are still limited, together.
    private func slot(for client: String) -> String {
        failures[client] == nil && failures.count >= maxClients ? "" : client
    }

    /// Drops clients whose failures all lie outside the window.
    private func forgetExpired(now: Date) {
        failures = failures.filter { _, times in times.contains { now.timeIntervalSince($0) < window } }
    }
}
