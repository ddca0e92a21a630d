/// A failure reported by the MariaDB client library or server.
public struct MariaDBError: Error, Sendable, CustomStringConvertible {
    /// The client or server error number (e.g. 1062 for a duplicate key, 2002/2003 when unreachable).
    public let code: UInt32
    /// The SQLSTATE, e.g. `23000`.
    public let sqlState: String
    /// The library's message.
    public let message: String

    /// Creates an error.
    public init(code: UInt32, sqlState: String, message: String) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
    }

    /// Whether the server could not be reached or dropped the connection: client errors 2000–2999, and the
    /// server's own "shutdown in progress" (1053) and "connection was killed" (1927), after which the session is gone.
    public var isConnectionFailure: Bool { (2000..<3000).contains(code) || code == 1053 || code == 1927 }

    public var description: String { "MariaDB error \(code) (\(sqlState)): \(message)" }
}
