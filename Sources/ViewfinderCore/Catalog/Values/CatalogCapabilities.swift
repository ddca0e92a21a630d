/// What a catalog backend is and what it can do, as `viewfinder status` shows it.
public struct CatalogCapabilities: Sendable, Equatable, Codable {
    /// The backend kind: `sqlite`, `postgresql` or `mariadb`.
    public var backend: String
    /// The server's (or the embedded library's) version, e.g. `16.14` or `11.8.3-MariaDB`.
    public var serverVersion: String
    /// The last applied schema migration.
    public var schemaVersion: String
    /// Whether nearest-neighbour queries run as vector SQL inside the database.
    public var nativeVectorSearch: Bool
    /// The database's vector support, e.g. `pgvector 0.8.5`, `MariaDB VECTOR`, or `none`.
    public var vectorSupport: String
    /// How vectors are stored, e.g. `vector(n)`, `halfvec(n)`, `VECTOR(n)`, `float32 blob`.
    public var vectorStorage: String
    /// The vector index in use per embedding space (`model/dims`), e.g. `hnsw (vector_cosine_ops)`.
    public var vectorIndexes: [String: String]
    /// How a similarity search is answered when no native index serves it.
    public var searchPath: String

    /// Creates a capabilities report.
    public init(
        backend: String, serverVersion: String, schemaVersion: String, nativeVectorSearch: Bool,
        vectorSupport: String, vectorStorage: String, vectorIndexes: [String: String], searchPath: String
    ) {
        self.backend = backend
        self.serverVersion = serverVersion
        self.schemaVersion = schemaVersion
        self.nativeVectorSearch = nativeVectorSearch
        self.vectorSupport = vectorSupport
        self.vectorStorage = vectorStorage
        self.vectorIndexes = vectorIndexes
        self.searchPath = searchPath
    }
}
