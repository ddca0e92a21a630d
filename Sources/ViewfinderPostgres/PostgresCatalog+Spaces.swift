import NIOConcurrencyHelpers
import Foundation
import PostgresNIO
public import ViewfinderCore

extension PostgresCatalog {
    /// The space of `model`/`dims`, creating its table when `create` is set; nil when absent and not created.
    func space(model: ModelID, dims: Int, create: Bool) async throws(ViewfinderError) -> EmbeddingSpace? {
        let key = "\(model.rawValue)/\(dims)"
        if let cached = spaces.withLockedValue({ $0[key] }) { return cached }
        if let found = try await lookUpSpace(model: model, dims: dims) {
            spaces.withLockedValue { $0[key] = found }
            return found
        }
        guard create else { return nil }
        let storage = configuration.vectorPrecision == .float16 ? "halfvec" : "vector"
        let created = try await transaction("creating the embedding table for \(key)") { connection in
            // One creator at a time; others wait here and then find the row.
            try await connection.run("SELECT pg_advisory_xact_lock(7365821002)", self.logger)
            try await connection.run(
                """
                INSERT INTO embedding_spaces (model, dims, storage) VALUES (\(model.rawValue), \(Int32(dims)), \(storage))
                ON CONFLICT (model, dims) DO NOTHING
                """, self.logger)
            let rows = try await connection.run(
                "SELECT id, storage, index_kind FROM embedding_spaces WHERE model = \(model.rawValue) AND dims = \(Int32(dims))",
                self.logger)
            guard let (id, storage, indexKind) = try rows.first?.decode((Int32, String, String).self) else {
                throw ViewfinderError(.storageFailed, "the embedding space \(key) vanished while it was created")
            }
            let space = EmbeddingSpace(id: id, model: model.rawValue, dims: dims, storage: storage, indexKind: indexKind)
            try await connection.run(
                PostgresQuery(unsafeSQL: """
                    CREATE TABLE IF NOT EXISTS \(space.table) (
                        photo_id BIGINT PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,
                        embedding \(space.columnType) NOT NULL,
                        created_at TIMESTAMPTZ NOT NULL
                    )
                    """), self.logger)
            return space
        }
        spaces.withLockedValue { $0[key] = created }
        return created
    }

    /// Every embedding space, fresh from the database.
    func allSpaces() async throws(ViewfinderError) -> [EmbeddingSpace] {
        let rows = try await rows(
            "listing embedding tables", "SELECT id, model, dims, storage, index_kind FROM embedding_spaces ORDER BY id")
        return try decoding {
            try rows.map { row in
                let (id, model, dims, storage, indexKind) = try row.decode((Int32, String, Int32, String, String).self)
                return EmbeddingSpace(id: id, model: model, dims: Int(dims), storage: storage, indexKind: indexKind)
            }
        }
    }

    private func lookUpSpace(model: ModelID, dims: Int) async throws(ViewfinderError) -> EmbeddingSpace? {
        let rows = try await rows(
            "looking up an embedding table",
            "SELECT id, storage, index_kind FROM embedding_spaces WHERE model = \(model.rawValue) AND dims = \(Int32(dims))")
        guard let row = rows.first else { return nil }
        let (id, storage, indexKind) = try decoding { try row.decode((Int32, String, String).self) }
        return EmbeddingSpace(id: id, model: model.rawValue, dims: dims, storage: storage, indexKind: indexKind)
    }

    /// Inserts or replaces one embedding inside a transaction.
    func putEmbedding(
        _ connection: PostgresConnection, space: EmbeddingSpace, photoID: Int64, vector: [Float], now: Date
    ) async throws {
        var builder = SQLBuilder()
        let id = builder.bind(photoID)
        let value = space.cast(builder.bind(vector))
        let created = builder.bind(now)
        builder.append("""
            INSERT INTO \(space.table) (photo_id, embedding, created_at) VALUES (\(id), \(value), \(created))
            ON CONFLICT (photo_id) DO UPDATE SET embedding = EXCLUDED.embedding, created_at = EXCLUDED.created_at
            """)
        try await connection.run(builder.query, logger)
    }

    public func finishBulkLoad(model: ModelID, dims: Int) async throws(ViewfinderError) {
        guard let space = try await space(model: model, dims: dims, create: false), space.supportsHNSW,
            space.indexKind != "hnsw"
        else { return }
        let built = try await transaction("building the HNSW index for \(space.key)") { connection in
            // Several `index --worker` processes may finish at once; one builds, the others then find the index.
            try await connection.run("SELECT pg_advisory_xact_lock(7365821003)", self.logger)
            try await connection.run("SET LOCAL maintenance_work_mem = '256MB'", self.logger)
            try await connection.run(
                PostgresQuery(unsafeSQL: """
                    CREATE INDEX IF NOT EXISTS \(space.table)_hnsw ON \(space.table)
                    USING hnsw (embedding \(space.storage)_cosine_ops) WITH (m = 16, ef_construction = 64)
                    """), self.logger)
            try await connection.run("UPDATE embedding_spaces SET index_kind = 'hnsw' WHERE id = \(space.id)", self.logger)
            return EmbeddingSpace(
                id: space.id, model: space.model, dims: space.dims, storage: space.storage, indexKind: "hnsw")
        }
        spaces.withLockedValue { $0[built.key] = built }
    }
}
