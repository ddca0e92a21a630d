import Crypto
import Foundation

/// Session tokens handed out by `POST /api/v1/session`; only their digests are kept, in memory.
actor SessionStore {
    private var expiries: [String: Date] = [:]
    private let lifetime: TimeInterval

    /// Creates an empty store whose sessions last `lifetime` seconds.
    init(lifetime: Int) { self.lifetime = TimeInterval(lifetime) }

    /// A new random session token.
    func open() -> String {
        let token = PasswordHash.newToken()
        let now = Date()
        expiries = expiries.filter { $0.value > now }
        expiries[PasswordHash.tokenDigest(token)] = now.addingTimeInterval(lifetime)
        return token
    }

    /// Whether `token` is an open, unexpired session.
    func isValid(_ token: String) -> Bool {
        // Looking up the digest, not the token, keeps the comparison independent of the secret's bytes.
        guard let expiry = expiries[PasswordHash.tokenDigest(token)] else { return false }
        return expiry > Date()
    }

    /// Ends a session.
    func close(_ token: String) { expiries[PasswordHash.tokenDigest(token)] = nil }
}
