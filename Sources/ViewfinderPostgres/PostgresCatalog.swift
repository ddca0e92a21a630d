public import Foundation
public import Logging
import NIOSSL
import PostgresNIO
import ViewfinderSQL
public import ServiceLifecycle
import NIOConcurrencyHelpers
public import ViewfinderCore

/// The catalog on PostgreSQL with pgvector: a connection pool run as a service, native vector top-k with HNSW.
///
/// Call `run()` (or add the catalog to a `ServiceGroup`) before using it, then `migrate()` once.
public final class PostgresCatalog: PhotoCatalog, Service {
    let client: PostgresClient
    let configuration: PostgresCatalogConfiguration
    let logger: Logger
    /// Embedding spaces already looked up, by `model/dims`.
    let spaces = NIOLockedValueBox<[String: EmbeddingSpace]>([:])

    /// Creates the catalog and its (not yet running) connection pool.
    public init(configuration: PostgresCatalogConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        let tls: PostgresClient.Configuration.TLS
        switch configuration.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        var clientConfiguration = PostgresClient.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: tls)
        clientConfiguration.options.maximumConnections = max(1, configuration.maximumConnections)
        // Every session works in UTC, so `timestamp` columns (local wall-clock times) convert without shifting.
        clientConfiguration.options.additionalStartupParameters = [("TimeZone", "UTC")]
        // The pool warns when a lease races its own start-up; only errors matter below verbose logging.
        var backgroundLogger = logger
        if backgroundLogger.logLevel > .info { backgroundLogger.logLevel = .error }
        client = PostgresClient(configuration: clientConfiguration, backgroundLogger: backgroundLogger)
    }

    /// Runs the connection pool until the task is cancelled or a graceful shutdown is requested.
    public func run() async throws {
        await client.run()
    }

    /// Applies pending migrations (idempotent; concurrent starters wait for each other).
    public func migrate() async throws(ViewfinderError) {
        try await withConnection("migrating the PostgreSQL catalog") { connection in
            try await connection.run("SELECT pg_advisory_lock(7365821001)", self.logger)
            do {
                try await connection.run(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                    self.logger)
                let applied = Set(
                    try await connection.query("SELECT id FROM schema_migrations", logger: self.logger)
                        .collect().map { try $0.decode(String.self) })
                for migration in PostgresMigrations.all where !applied.contains(migration.id) {
                    try await connection.run("BEGIN", self.logger)
                    do {
                        for statement in migration.statements {
                            try await connection.run(PostgresQuery(unsafeSQL: statement), self.logger)
                        }
                        try await connection.run(
                            "INSERT INTO schema_migrations (id) VALUES (\(migration.id))", self.logger)
                        try await connection.run("COMMIT", self.logger)
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: self.logger).collect()
                        throw error
                    }
                }
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(7365821001)", logger: self.logger).collect()
                throw error
            }
            try await connection.run("SELECT pg_advisory_unlock(7365821001)", self.logger)
        }
    }

    /// The identifiers of the applied migrations, in order.
    public func appliedMigrations() async throws(ViewfinderError) -> [String] {
        let rows = try await rows("reading the schema version", "SELECT id FROM schema_migrations ORDER BY id")
        return try decoding { try rows.map { try $0.decode(String.self) } }
    }

    public func photo(root: String, relativePath: String) async throws(ViewfinderError) -> Photo? {
        let row = try await rows(
            "reading a photo",
            PostgresQuery(unsafeSQL: PostgresPhotoRow.selectSQL + " WHERE libraries.root = $1 AND photos.path = $2",
                          binds: Self.binds(root, relativePath))
        ).first
        guard let row else { return nil }
        return try decoding { try PostgresPhotoRow.decode(row) }
    }

    public func photo(uid: String) async throws(ViewfinderError) -> Photo? {
        let row = try await rows(
            "reading a photo",
            PostgresQuery(unsafeSQL: PostgresPhotoRow.selectSQL + " WHERE photos.uid = $1", binds: Self.binds(uid))
        ).first
        guard let row else { return nil }
        return try decoding { try PostgresPhotoRow.decode(row) }
    }

    public func photo(contentHash: String) async throws(ViewfinderError) -> Photo? {
        let row = try await rows(
            "reading a photo",
            PostgresQuery(
                unsafeSQL: PostgresPhotoRow.selectSQL
                    + " WHERE photos.content_hash = $1 AND photos.index_status <> 'missing' ORDER BY photos.id LIMIT 1",
                binds: Self.binds(contentHash))
        ).first
        guard let row else { return nil }
        return try decoding { try PostgresPhotoRow.decode(row) }
    }

    public func photos(ids: [Int64]) async throws(ViewfinderError) -> [Photo] {
        guard !ids.isEmpty else { return [] }
        var builder = SQLBuilder(PostgresPhotoRow.selectSQL)
        builder.append(" WHERE photos.id = ANY(\(builder.bind(ids)))")
        let rows = try await rows("reading photos", builder.query)
        return try decoding { try rows.map { try PostgresPhotoRow.decode($0) } }
    }

    public func touch(photoID: Int64, size: Int64, modifiedAt: Date) async throws(ViewfinderError) {
        _ = try await rows(
            "updating a photo",
            "UPDATE photos SET size = \(size), mtime = \(modifiedAt.timeIntervalSince1970), updated_at = \(Date()) WHERE id = \(photoID)")
    }

    public func counts() async throws(ViewfinderError) -> CatalogCounts {
        let totals = try await rows(
            "counting photos",
            "SELECT count(*), count(*) FILTER (WHERE index_status = 'failed'), count(*) FILTER (WHERE index_status = 'missing') FROM photos")
        let (photos, failed, missing) = try decoding { try totals.first?.decode((Int64, Int64, Int64).self) }
            ?? (Int64(0), Int64(0), Int64(0))
        var embedded: [String: Int] = [:]
        for space in try await allSpaces() {
            let count = try await rows("counting embeddings", PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(space.table)"))
            let embeddedCount = Int(try decoding { try count.first?.decode(Int64.self) } ?? 0)
            if embeddedCount > 0 { embedded[space.key] = embeddedCount }
        }
        return CatalogCounts(photos: Int(photos), failed: Int(failed), embedded: embedded, missing: Int(missing))
    }

    public func capabilities() async throws(ViewfinderError) -> CatalogCapabilities {
        let info = try await rows(
            "reading the server version",
            "SELECT current_setting('server_version'), (SELECT extversion FROM pg_extension WHERE extname = 'vector')")
        let (server, pgvector) = try decoding { try info.first?.decode((String, String?).self) } ?? ("unknown", nil)
        let migrations = try await appliedMigrations()
        var indexes: [String: String] = [:]
        var storages: Set<String> = []
        for space in try await allSpaces() {
            storages.insert("\(space.storage)(n)")
            indexes[space.key] = space.indexKind == "hnsw"
                ? "hnsw (\(space.storage)_cosine_ops, ef_search \(configuration.efSearch), iterative scan \(configuration.iterativeScan))"
                : "none yet (exact scan until the index is built after a bulk load)"
        }
        let defaultStorage = configuration.vectorPrecision == .float16 ? "halfvec(n)" : "vector(n)"
        return CatalogCapabilities(
            backend: "postgresql", serverVersion: server, schemaVersion: migrations.last ?? "none",
            nativeVectorSearch: pgvector != nil, vectorSupport: pgvector.map { "pgvector \($0)" } ?? "none",
            vectorStorage: storages.isEmpty ? defaultStorage : storages.sorted().joined(separator: ", "),
            vectorIndexes: indexes, searchPath: "native vector SQL (cosine distance <=>)")
    }
}
