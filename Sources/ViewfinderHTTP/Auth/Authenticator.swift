import Foundation
import Hummingbird

/// Decides whether a request carries a valid API token or session (Bearer header or cookie).
struct Authenticator: Sendable {
    /// The cookie that carries a browser session.
    static let cookieName = "viewfinder_session"

    let settings: AuthSettings
    let sessions: SessionStore
    let throttle: LoginThrottle

    init(settings: AuthSettings) {
        self.settings = settings
        sessions = SessionStore(lifetime: settings.sessionLifetime)
        throttle = LoginThrottle(limit: settings.maxLoginFailures, window: settings.loginFailureWindow)
    }

    /// Whether `request` may use the API.
    func allows(_ request: Request) async -> Bool {
        guard settings.enabled else { return true }
        guard let credential = Self.credential(of: request) else { return false }
        let digest = PasswordHash.tokenDigest(credential)
        var matched = false
        for hash in settings.tokenHashes where ConstantTime.equal(hash, digest) { matched = true }
        if matched { return true }
        return await sessions.isValid(credential)
    }

    /// The bearer token or session cookie of `request`, if any.
    static func credential(of request: Request) -> String? {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
            return token.isEmpty ? nil : token
        }
        if let cookie = request.cookies[cookieName]?.value, !cookie.isEmpty { return cookie }
        return nil
    }
}
