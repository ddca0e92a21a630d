/// How `viewfinder serve` listens and what it accepts.
public struct HTTPServerSettings: Sendable, Equatable {
    /// The address to listen on; loopback by default.
    public var host: String
    /// The TCP port; PhotoPrism's 2342 by default.
    public var port: Int
    /// Request limits.
    public var limits: APILimits
    /// Who may use the API.
    public var auth: AuthSettings
    /// Whether listening on a non-loopback address without auth is allowed anyway.
    public var allowInsecureRemote: Bool

    /// The default port.
    public static let defaultPort = 2342

    /// Creates settings; by default loopback, port 2342, default limits, no auth.
    public init(
        host: String = "127.0.0.1", port: Int = HTTPServerSettings.defaultPort, limits: APILimits = APILimits(),
        auth: AuthSettings = AuthSettings(), allowInsecureRemote: Bool = false
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.auth = auth
        self.allowInsecureRemote = allowInsecureRemote
    }

    /// Whether `host` only accepts connections from this machine.
    public var isLoopback: Bool {
        let lowered = host.lowercased()
        return lowered == "localhost" || lowered == "::1" || lowered == "[::1]" || lowered.hasPrefix("127.")
    }

    /// Refuses an open API on a reachable address unless explicitly allowed.
    public func validate() throws(ViewfinderHTTPError) {
        guard (1...65_535).contains(port) else {
            throw ViewfinderHTTPError("the port must be between 1 and 65535, not \(port)")
        }
        if !isLoopback && !auth.enabled && !allowInsecureRemote {
            throw ViewfinderHTTPError(
                "refusing to listen on \(host) without authentication: set an admin password or API token, "
                    + "or allow it explicitly with --allow-insecure-remote")
        }
    }
}
