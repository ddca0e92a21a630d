public import Foundation
import GRDB
import ViewfinderSQL
public import ViewfinderCore

/// The embedded default catalog: one SQLite file in WAL mode with a single writer.
public final class SQLiteCatalog: PhotoCatalog {
    let databasePool: DatabasePool
    /// How new embeddings are written; stored blobs of either precision are always readable.
    let vectorPrecision: VectorPrecision

    /// Opens (creating if needed) the catalog at `path` and runs pending migrations.
    public init(path: String, vectorPrecision: VectorPrecision = .float32) throws(ViewfinderError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        self.vectorPrecision = vectorPrecision
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            databasePool = try DatabasePool(path: path, configuration: configuration)
            try SQLiteMigrations.migrator.migrate(databasePool)
        } catch {
            throw ViewfinderError(.storageFailed, "cannot open the catalog at \(path)", underlying: error)
        }
    }

    /// The identifiers of the migrations applied to this catalog, in order.
    public func appliedMigrations() async throws(ViewfinderError) -> [String] {
        try await read { db in try SQLiteMigrations.migrator.appliedMigrations(db) }
    }

    public func photo(root: String, relativePath: String) async throws(ViewfinderError) -> Photo? {
        try await read { db in
            try PhotoRow.fetchOne(
                db, sql: PhotoRow.selectSQL + " WHERE libraries.root = ? AND photos.path = ?",
                arguments: [root, relativePath])?.photo
        }
    }

    public func photo(uid: String) async throws(ViewfinderError) -> Photo? {
        try await read { db in
            try PhotoRow.fetchOne(db, sql: PhotoRow.selectSQL + " WHERE photos.uid = ?", arguments: [uid])?.photo
        }
    }

    public func photo(contentHash: String) async throws(ViewfinderError) -> Photo? {
        try await read { db in
            try PhotoRow.fetchOne(
                db,
                sql: PhotoRow.selectSQL
                    + " WHERE photos.content_hash = ? AND photos.index_status <> 'missing' ORDER BY photos.id LIMIT 1",
                arguments: [contentHash])?.photo
        }
    }

    public func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Bool {
        try await read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM embeddings WHERE photo_id = ? AND model = ? AND dims = ?)",
                arguments: [photoID, model.rawValue, dims]) ?? false
        }
    }

    public func touch(photoID: Int64, size: Int64, modifiedAt: Date) async throws(ViewfinderError) {
        try await write { db in
            try db.execute(
                sql: "UPDATE photos SET size = ?, mtime = ?, updated_at = ? WHERE id = ?",
                arguments: [size, modifiedAt.timeIntervalSince1970, Date().timeIntervalSince1970, photoID])
        }
    }

    public func photos(ids: [Int64]) async throws(ViewfinderError) -> [Photo] {
        guard !ids.isEmpty else { return [] }
        return try await read { db in
            let placeholders = databaseQuestionMarks(count: ids.count)
            return try PhotoRow.fetchAll(
                db, sql: PhotoRow.selectSQL + " WHERE photos.id IN (\(placeholders))",
                arguments: StatementArguments(ids)
            ).map(\.photo)
        }
    }

    public func counts() async throws(ViewfinderError) -> CatalogCounts {
        try await read { db in
            let photos = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM photos") ?? 0
            let failed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM photos WHERE index_status = 'failed'") ?? 0
            var embedded: [String: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT model, dims, COUNT(*) AS n FROM embeddings GROUP BY model, dims")
            {
                let model: String = row["model"]
                let dims: Int = row["dims"]
                embedded["\(model)/\(dims)"] = row["n"]
            }
            let missing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM photos WHERE index_status = 'missing'") ?? 0
            return CatalogCounts(photos: photos, failed: failed, embedded: embedded, missing: missing)
        }
    }

    public func capabilities() async throws(ViewfinderError) -> CatalogCapabilities {
        let precision = vectorPrecision
        return try await read { db in
            let version = try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "unknown"
            let migrations = try SQLiteMigrations.migrator.appliedMigrations(db)
            var indexes: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT DISTINCT model, dims FROM embeddings") {
                let model: String = row["model"]
                let dims: Int = row["dims"]
                indexes["\(model)/\(dims)"] = "none (exact scan in process)"
            }
            return CatalogCapabilities(
                backend: "sqlite", serverVersion: version, schemaVersion: migrations.last ?? "none",
                nativeVectorSearch: false, vectorSupport: "none",
                vectorStorage: "\(precision.rawValue) little-endian blob", vectorIndexes: indexes,
                searchPath: "exact scan in process")
        }
    }

    /// Runs SQLite's integrity check; returns its messages (`["ok"]` for a sound file).
    public func integrityCheck() async throws(ViewfinderError) -> [String] {
        try await read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
