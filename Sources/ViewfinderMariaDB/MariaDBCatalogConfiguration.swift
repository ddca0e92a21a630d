public import ViewfinderCore

/// How to reach a MariaDB server and how to search vectors there.
public struct MariaDBCatalogConfiguration: Sendable, Equatable {
    /// Host name or address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// User name.
    public var username: String
    /// Password, if any.
    public var password: String?
    /// Database name.
    public var database: String
    /// Most connections the pool opens (each blocks one thread-pool thread while in use).
    public var maximumConnections: Int
    /// `mhnsw_ef_search` for approximate queries on MariaDB ≥ 11.7.
    public var efSearch: Int
    /// The `M` of new vector indexes (neighbours per node, 3–200).
    public var indexM: Int
    /// How long an operation waits for a pooled connection to become free before failing as unavailable.
    public var connectionWait: Duration = .seconds(120)

    /// Creates a configuration with the defaults for everything but the address.
    public init(
        host: String, port: Int = 3306, username: String, password: String?, database: String,
        maximumConnections: Int = 8, efSearch: Int = 100, indexM: Int = 16
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.maximumConnections = maximumConnections
        self.efSearch = efSearch
        self.indexM = indexM
    }
}
