public import ViewfinderCore

/// Where a database server is and whom to connect as, parsed from `scheme://user:pass@host:port/db?options`.
public struct DatabaseServerAddress: Sendable, Equatable {
    /// Host name or address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// User name.
    public var user: String
    /// Password, if given.
    public var password: String?
    /// Database name.
    public var database: String
    /// Query parameters such as `sslmode=disable` or `vector_precision=float16`.
    public var options: [String: String]

    /// Creates an address.
    public init(host: String, port: Int, user: String, password: String?, database: String, options: [String: String] = [:]) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.options = options
    }

    /// The URL with the password replaced by `***`, safe to print.
    public func redacted(scheme: String) -> String {
        let credentials = password == nil ? user : "\(user):***"
        return "\(scheme)://\(credentials)@\(host):\(port)/\(database)"
    }
}
