public import ViewfinderCore

/// How to reach a PostgreSQL server and how to store and search vectors there.
public struct PostgresCatalogConfiguration: Sendable, Equatable {
    /// Whether to use TLS.
    public enum TLSMode: String, Sendable, Equatable {
        /// Plain TCP (loopback, trusted networks).
        case disable
        /// TLS when the server offers it.
        case prefer
        /// TLS or fail.
        case require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The user name.
    public var username: String
    /// The password, if the server asks for one.
    public var password: String?
    /// The database name.
    public var database: String
    /// TLS policy.
    public var tls: TLSMode
    /// Most connections the pool opens.
    public var maximumConnections: Int
    /// `vector(n)` (float32) or `halfvec(n)` (float16) for new embedding tables.
    public var vectorPrecision: VectorPrecision
    /// `hnsw.ef_search` for approximate queries: candidates kept while walking the graph. 1000 (pgvector's
    /// maximum) because 200 fell to recall@10 ≈ 0.83 on the clustered 1M × 256 benchmark set, and only 1000 kept
    /// it ≥ 0.95 (0.966, about 30 ms); at 100k it costs a few milliseconds more than 200 for the same recall.
    public var efSearch: Int
    /// `hnsw.iterative_scan` for filtered approximate queries: `relaxed_order`, `strict_order` or `off`.
    public var iterativeScan: String
    /// With `VectorSearchStrategy.automatic`, filters matching at most this many photos take the exact path.
    /// 50 000 rather than the shared `VectorSearchStrategy.selectiveCandidateLimit` (10 000): on the clustered
    /// 100k × 256 benchmark set an exact scan of 50 000 filtered rows took about 77 ms p50, less than the
    /// over-fetching HNSW walk under a 5% filter (about 180 ms at `ef_search` 200, recall@10 0.97), both under
    /// load 12 on 2 cores (BENCHMARKS.md, "Filtered HNSW on PostgreSQL").
    public var exactSearchLimit: Int = 50_000
    /// How long an operation waits for a pooled connection before checking that the server is up: when nothing
    /// accepts connections at its address the operation fails with `storageUnavailable` (the pool itself waits
    /// forever while the server is down, which would hang every caller through a restart).
    public var connectionWait: Duration = .seconds(10)
    /// The longest an operation waits for a connection from a server that is up but busy.
    public var connectionWaitLimit: Duration = .seconds(120)

    /// Creates a configuration with the defaults for everything but the address.
    public init(
        host: String, port: Int = 5432, username: String, password: String?, database: String,
        tls: TLSMode = .prefer, maximumConnections: Int = 8, vectorPrecision: VectorPrecision = .float32,
        efSearch: Int = 1000, iterativeScan: String = "relaxed_order"
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
        self.maximumConnections = maximumConnections
        self.vectorPrecision = vectorPrecision
        self.efSearch = efSearch
        self.iterativeScan = iterativeScan
    }
}
