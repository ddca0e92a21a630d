/// Who may use the API: an admin password (stored as a hash) and/or API tokens (stored as SHA-256 hashes).
public struct AuthSettings: Sendable, Equatable {
    /// The admin password's PBKDF2 hash (`pbkdf2-sha256$rounds$salt$key`), if logins are allowed.
    public var passwordHash: String?
    /// Lowercase hex SHA-256 digests of the accepted API tokens.
    public var tokenHashes: [String]
    /// How long a session token stays valid, in seconds.
    public var sessionLifetime: Int
    /// Failed logins allowed per window before further attempts are refused.
    public var maxLoginFailures: Int
    /// The window for counting failed logins, in seconds.
    public var loginFailureWindow: Int
    /// Whether the session cookie carries `Secure` (set it when a TLS reverse proxy serves Viewfinder).
    public var secureCookie: Bool

    /// Creates settings; with neither a password nor tokens, auth is off.
    public init(
        passwordHash: String? = nil, tokenHashes: [String] = [], sessionLifetime: Int = 7 * 24 * 3600,
        maxLoginFailures: Int = 5, loginFailureWindow: Int = 60, secureCookie: Bool = false
    ) {
        self.passwordHash = passwordHash
        self.tokenHashes = tokenHashes
        self.sessionLifetime = sessionLifetime
        self.maxLoginFailures = maxLoginFailures
        self.loginFailureWindow = loginFailureWindow
        self.secureCookie = secureCookie
    }

    /// Whether requests must authenticate.
    public var enabled: Bool { passwordHash != nil || !tokenHashes.isEmpty }
}
