import NIOConcurrencyHelpers
import Foundation
import MariaDBClient
public import ViewfinderCore

extension MariaDBCatalog {
    /// The space of `model`/`dims`, creating its table when `create` is set; nil when absent and not created.
    ///
    /// Creation happens outside any transaction because MariaDB commits DDL implicitly.
    func space(model: ModelID, dims: Int, create: Bool) async throws(ViewfinderError) -> MariaDBSpace? {
        let key = "\(model.rawValue)/\(dims)"
        if let cached = spaces.withLockedValue({ $0[key] }) { return cached }
        let storage = hasNativeVectors ? "vector" : "blob"
        let indexM = max(3, min(configuration.indexM, 200))
        let found = try await run("preparing the embedding table for \(key)") { connection -> MariaDBSpace? in
            if let existing = try Self.lookUpSpace(connection, model: model.rawValue, dims: dims) { return existing }
            guard create else { return nil }
            try connection.query("SELECT GET_LOCK('viewfinder_spaces', 60)")
            defer { _ = try? connection.query("SELECT RELEASE_LOCK('viewfinder_spaces')") }
            try connection.query(
                """
                INSERT IGNORE INTO embedding_spaces (model, dims, storage, index_kind, created_at)
                VALUES (\(model.rawValue), \(dims), \(storage), \(storage == "vector" ? "mhnsw" : "none"),
                        \(MariaDBDateTime.format(Date())))
                """)
            guard let space = try Self.lookUpSpace(connection, model: model.rawValue, dims: dims) else {
                throw ViewfinderError(.storageFailed, "the embedding space \(key) vanished while it was created")
            }
            let column = space.storage == "vector"
                ? "embedding VECTOR(\(dims)) NOT NULL, VECTOR INDEX \(space.table)_vector (embedding) M=\(indexM) DISTANCE=cosine,"
                : "embedding BLOB NOT NULL,"
            try connection.query(MariaDBQuery(unsafeSQL: """
                CREATE TABLE IF NOT EXISTS \(space.table) (
                    photo_id BIGINT NOT NULL PRIMARY KEY,
                    \(column)
                    created_at DATETIME(6) NOT NULL,
                    CONSTRAINT \(space.table)_photo FOREIGN KEY (photo_id) REFERENCES photos (id) ON DELETE CASCADE
                ) ENGINE=InnoDB
                """))
            return space
        }
        if let found { spaces.withLockedValue { $0[key] = found } }
        return found
    }

    /// Every embedding space.
    func allSpaces() async throws(ViewfinderError) -> [MariaDBSpace] {
        try await run("listing embedding tables") { connection in
            try connection.query("SELECT id, model, dims, storage FROM embedding_spaces ORDER BY id").rows.map { row in
                MariaDBSpace(
                    id: try row.int64(0) ?? 0, model: try row.string(1) ?? "", dims: Int(try row.int64(2) ?? 0),
                    storage: try row.string(3) ?? "blob")
            }
        }
    }

    private static func lookUpSpace(_ connection: MariaDBConnection, model: String, dims: Int) throws -> MariaDBSpace? {
        guard let row = try connection.query(
            "SELECT id, storage FROM embedding_spaces WHERE model = \(model) AND dims = \(dims)").rows.first,
            let id = try row.int64(0), let storage = try row.string(1)
        else { return nil }
        return MariaDBSpace(id: id, model: model, dims: dims, storage: storage)
    }

    /// Inserts or replaces one embedding (inside the caller's transaction).
    static func putEmbedding(_ connection: MariaDBConnection, space: MariaDBSpace, photoID: Int64, vector: [Float], now: Date) throws {
        try connection.query(
            """
            INSERT INTO \(unsafeSQL: space.table) (photo_id, embedding, created_at)
            VALUES (\(photoID), \(MariaDBSpace.encode(vector)), \(MariaDBDateTime.format(now)))
            ON DUPLICATE KEY UPDATE embedding = VALUES(embedding), created_at = VALUES(created_at)
            """)
        try logVectorChange(connection, photoID: photoID)
    }

    // MariaDB maintains its vector index on every insert, so there is nothing to build after a bulk load.
    public func finishBulkLoad(model: ModelID, dims: Int) async throws(ViewfinderError) {}
}
