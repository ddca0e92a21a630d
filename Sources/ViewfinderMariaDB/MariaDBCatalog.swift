public import Foundation
import MariaDBClient
public import NIOPosix
import NIOConcurrencyHelpers
public import ViewfinderCore
import ViewfinderSQL

/// The catalog on MariaDB through the official C connector.
///
/// The server version decides the vector path at connect time: 11.7 and later store `VECTOR(n)` columns with a
/// cosine `VECTOR INDEX` and rank with `VEC_DISTANCE_COSINE`; older servers store BLOBs and rank in process.
public final class MariaDBCatalog: PhotoCatalog {
    let pool: MariaDBConnectionPool
    let configuration: MariaDBCatalogConfiguration
    /// The server's version text, e.g. `11.8.9-MariaDB-0+deb13u1`.
    public let serverVersion: String
    /// Whether the server has VECTOR columns and indexes (11.7 and later).
    public let hasNativeVectors: Bool
    /// Embedding spaces already looked up, by `model/dims`.
    let spaces = NIOLockedValueBox<[String: MariaDBSpace]>([:])

    private init(pool: MariaDBConnectionPool, configuration: MariaDBCatalogConfiguration, serverVersion: String, number: Int) {
        self.pool = pool
        self.configuration = configuration
        self.serverVersion = serverVersion
        self.hasNativeVectors = number >= 110700
    }

    /// Connects, detects the server version and applies pending migrations. Blocking calls run on `threadPool`.
    public static func open(
        configuration: MariaDBCatalogConfiguration, threadPool: NIOThreadPool
    ) async throws(ViewfinderError) -> MariaDBCatalog {
        let options = MariaDBConnectOptions(
            host: configuration.host, port: configuration.port, user: configuration.username,
            password: configuration.password, database: configuration.database)
        let pool = MariaDBConnectionPool(
            options: options, threadPool: threadPool, maximum: configuration.maximumConnections,
            leaseWait: configuration.connectionWait
        ) { connection in
            try connection.query("SET time_zone = '+00:00'")
            try connection.query("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")
        }
        let version: (String, Int)
        do {
            version = try await pool.run { connection in (connection.serverVersion, connection.serverVersionNumber) }
        } catch {
            await pool.close()
            throw mapError(error, "connecting to MariaDB at \(configuration.host):\(configuration.port)")
        }
        let catalog = MariaDBCatalog(pool: pool, configuration: configuration, serverVersion: version.0, number: version.1)
        do {
            try await catalog.migrate()
        } catch {
            await pool.close()
            throw error
        }
        return catalog
    }

    /// Closes every pooled connection.
    public func close() async {
        await pool.close()
    }

    /// Applies pending migrations (idempotent; concurrent starters wait on a named lock).
    public func migrate() async throws(ViewfinderError) {
        try await run("migrating the MariaDB catalog") { connection in
            try connection.query("SELECT GET_LOCK('viewfinder_migrations', 120)")
            defer { _ = try? connection.query("SELECT RELEASE_LOCK('viewfinder_migrations')") }
            try connection.query(
                "CREATE TABLE IF NOT EXISTS schema_migrations (id VARCHAR(191) NOT NULL PRIMARY KEY, applied_at DATETIME(6) NOT NULL) ENGINE=InnoDB")
            let applied = Set(try connection.query("SELECT id FROM schema_migrations").rows.compactMap { try $0.string(0) })
            for migration in MariaDBMigrations.all where !applied.contains(migration.id) {
                for statement in migration.statements { try connection.query(MariaDBQuery(unsafeSQL: statement)) }
                try connection.query(
                    "INSERT INTO schema_migrations (id, applied_at) VALUES (\(migration.id), \(MariaDBDateTime.format(Date())))")
            }
        }
    }

    /// The identifiers of the applied migrations, in order.
    public func appliedMigrations() async throws(ViewfinderError) -> [String] {
        try await run("reading the schema version") { connection in
            try connection.query("SELECT id FROM schema_migrations ORDER BY id").rows.compactMap { try $0.string(0) }
        }
    }

    public func photo(root: String, relativePath: String) async throws(ViewfinderError) -> Photo? {
        try await run("reading a photo") { connection in
            try connection.query(
                "\(unsafeSQL: MariaDBPhotoRow.selectSQL) WHERE libraries.root = \(root) AND photos.path = \(relativePath)"
            ).rows.first.map(MariaDBPhotoRow.decode)
        }
    }

    public func photo(uid: String) async throws(ViewfinderError) -> Photo? {
        try await run("reading a photo") { connection in
            try connection.query("\(unsafeSQL: MariaDBPhotoRow.selectSQL) WHERE photos.uid = \(uid)").rows.first
                .map(MariaDBPhotoRow.decode)
        }
    }

    public func photo(contentHash: String) async throws(ViewfinderError) -> Photo? {
        try await run("reading a photo") { connection in
            try connection.query(
                """
                \(unsafeSQL: MariaDBPhotoRow.selectSQL) WHERE photos.content_hash = \(contentHash)
                    AND photos.index_status <> 'missing' ORDER BY photos.id LIMIT 1
                """
            ).rows.first.map(MariaDBPhotoRow.decode)
        }
    }

    public func photos(ids: [Int64]) async throws(ViewfinderError) -> [Photo] {
        guard !ids.isEmpty else { return [] }
        let list = ids.map(String.init).joined(separator: ",")
        return try await run("reading photos") { connection in
            try connection.query("\(unsafeSQL: MariaDBPhotoRow.selectSQL) WHERE photos.id IN (\(unsafeSQL: list))").rows
                .map(MariaDBPhotoRow.decode)
        }
    }

    public func touch(photoID: Int64, size: Int64, modifiedAt: Date) async throws(ViewfinderError) {
        try await run("updating a photo") { connection in
            _ = try connection.query(
                """
                UPDATE photos SET size = \(size), mtime = \(modifiedAt.timeIntervalSince1970),
                    updated_at = \(MariaDBDateTime.format(Date())) WHERE id = \(photoID)
                """)
        }
    }

    public func counts() async throws(ViewfinderError) -> CatalogCounts {
        let spaces = try await allSpaces()
        return try await run("counting photos") { connection in
            let totals = try connection.query(
                "SELECT COUNT(*), COALESCE(SUM(index_status = 'failed'), 0), COALESCE(SUM(index_status = 'missing'), 0) FROM photos"
            ).rows.first
            var embedded: [String: Int] = [:]
            for space in spaces {
                let count = try connection.query("SELECT COUNT(*) FROM \(unsafeSQL: space.table)").rows.first?.int64(0)
                if let count, count > 0 { embedded[space.key] = Int(count) }
            }
            return CatalogCounts(
                photos: Int(try totals?.int64(0) ?? 0), failed: Int(try totals?.int64(1) ?? 0), embedded: embedded,
                missing: Int(try totals?.int64(2) ?? 0))
        }
    }

    public func capabilities() async throws(ViewfinderError) -> CatalogCapabilities {
        let migrations = try await appliedMigrations()
        var indexes: [String: String] = [:]
        for space in try await allSpaces() {
            indexes[space.key] = space.storage == "vector"
                ? "VECTOR INDEX (mhnsw, M=\(configuration.indexM), DISTANCE=cosine, ef_search \(configuration.efSearch))"
                : "none in the database (exact scan in process)"
        }
        return CatalogCapabilities(
            backend: "mariadb", serverVersion: serverVersion, schemaVersion: migrations.last ?? "none",
            nativeVectorSearch: hasNativeVectors, vectorSupport: hasNativeVectors ? "MariaDB VECTOR" : "none",
            vectorStorage: hasNativeVectors ? "VECTOR(n)" : "float32 little-endian BLOB", vectorIndexes: indexes,
            searchPath: hasNativeVectors ? "native vector SQL (VEC_DISTANCE_COSINE)" : "exact scan in process")
    }
}
