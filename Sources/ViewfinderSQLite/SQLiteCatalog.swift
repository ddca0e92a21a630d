public import Foundation
import GRDB
public import ViewfinderCore

/// The embedded default catalog: one SQLite file in WAL mode with a single writer.
public final class SQLiteCatalog: PhotoCatalog {
    let databasePool: DatabasePool

    /// Opens (creating if needed) the catalog at `path` and runs pending migrations.
    public init(path: String) throws(ViewfinderError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
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

    public func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Bool {
        try await read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM embeddings WHERE photo_id = ? AND model = ? AND dims = ?)",
                arguments: [photoID, model.rawValue, dims]) ?? false
        }
    }

    public func save(_ batch: [IndexedPhoto]) async throws(ViewfinderError) {
        guard !batch.isEmpty else { return }
        try await write { db in
            let now = Date().timeIntervalSince1970
            for item in batch {
                let photoID = try Self.upsertPhoto(
                    db, file: item.file, hash: item.contentHash, width: item.width, height: item.height,
                    status: .indexed, reason: nil, now: now)
                try db.execute(
                    sql: """
                        INSERT INTO embeddings (photo_id, model, dims, vector, created_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (photo_id, model, dims) DO UPDATE SET vector = excluded.vector,
                            created_at = excluded.created_at
                        """,
                    arguments: [
                        photoID, item.embedding.model.rawValue, item.embedding.dims,
                        VectorBlob.encode(item.embedding.vector), now,
                    ])
            }
        }
    }

    public func recordFailures(_ failures: [IndexFailure]) async throws(ViewfinderError) {
        guard !failures.isEmpty else { return }
        try await write { db in
            let now = Date().timeIntervalSince1970
            for failure in failures {
                _ = try Self.upsertPhoto(
                    db, file: failure.file, hash: failure.contentHash ?? "", width: 0, height: 0,
                    status: .failed, reason: failure.reason, now: now)
            }
        }
    }

    public func touch(photoID: Int64, size: Int64, modifiedAt: Date) async throws(ViewfinderError) {
        try await write { db in
            try db.execute(
                sql: "UPDATE photos SET size = ?, mtime = ?, updated_at = ? WHERE id = ?",
                arguments: [size, modifiedAt.timeIntervalSince1970, Date().timeIntervalSince1970, photoID])
        }
    }

    public func vectors(model: ModelID, dims: Int) async throws(ViewfinderError) -> [StoredVector] {
        try await read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT embeddings.photo_id, embeddings.vector FROM embeddings
                    JOIN photos ON photos.id = embeddings.photo_id
                    WHERE embeddings.model = ? AND embeddings.dims = ? AND photos.index_status = 'indexed'
                    """,
                arguments: [model.rawValue, dims])
            var vectors: [StoredVector] = []
            while let row = try rows.next() {
                let blob: Data = row["vector"]
                // A blob of the wrong length would be a corrupt row; skipping it keeps search answering.
                if let vector = VectorBlob.decode(blob, dims: dims) {
                    vectors.append(StoredVector(photoID: row["photo_id"], vector: vector))
                }
            }
            return vectors
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
            return CatalogCounts(photos: photos, failed: failed, embedded: embedded)
        }
    }

    /// Runs SQLite's integrity check; returns its messages (`["ok"]` for a sound file).
    public func integrityCheck() async throws(ViewfinderError) -> [String] {
        try await read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
