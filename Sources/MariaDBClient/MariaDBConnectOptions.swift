/// Where and as whom to connect.
public struct MariaDBConnectOptions: Sendable, Equatable {
    /// Host name or address (a TCP connection; `localhost` is passed as `127.0.0.1` by callers that want TCP).
    public var host: String
    /// TCP port.
    public var port: Int
    /// User name.
    public var user: String
    /// Password, if any.
    public var password: String?
    /// Database to select, if any.
    public var database: String?
    /// Seconds to wait for the connection.
    public var connectTimeoutSeconds: Int

    /// Creates options.
    public init(
        host: String, port: Int = 3306, user: String, password: String?, database: String?,
        connectTimeoutSeconds: Int = 10
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.connectTimeoutSeconds = connectTimeoutSeconds
    }
}
