public import Foundation
import PostgresNIO
import ViewfinderSQL
public import ViewfinderCore

extension PostgresCatalog {
    public func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Bool {
        guard let space = try await space(model: model, dims: dims, create: false) else { return false }
        return !(try await rows(
            "reading an embedding",
            PostgresQuery(unsafeSQL: "SELECT 1 FROM \(space.table) WHERE photo_id = $1", binds: Self.int64Binds(photoID)))
            .isEmpty)
    }

    // The shared prologue creates missing embedding tables before the transaction (DDL must not interleave with
    // the batch's writes); the rows are then written in one transaction.
    public func save(_ batch: [IndexedPhoto], failures: [IndexFailure]) async throws(ViewfinderError) {
        try await PhotoWrite.save(batch, failures: failures) { key throws(ViewfinderError) in
            try await self.space(model: key.model, dims: key.dims, create: true)
        } write: { rows, spaces throws(ViewfinderError) in
            try await self.transaction("saving indexed photos") { connection in
                let now = Date()
                for row in rows {
                    let photoID = try await self.upsertPhoto(connection, row, now: now)
                    guard let embedding = row.embedding, let space = spaces[EmbeddingSpaceKey(embedding)] else { continue }
                    try await self.putEmbedding(connection, space: space, photoID: photoID, vector: embedding.vector, now: now)
                }
            }
        }
    }

    public func apply(_ changes: [CatalogChange]) async throws(ViewfinderError) {
        guard !changes.isEmpty else { return }
        var spacesByKey: [String: EmbeddingSpace] = [:]
        for change in changes {
            try change.validate()
            if case .putEmbedding(_, let embedding) = change {
                spacesByKey["\(embedding.model)/\(embedding.dims)"] = try await space(
                    model: embedding.model, dims: embedding.dims, create: true)
            }
        }
        let resolved = spacesByKey
        try await transaction("changing the catalog") { connection in
            let now = Date()
            for change in changes {
                let exists = try await connection.run("SELECT 1 FROM photos WHERE id = \(change.photoID) FOR UPDATE", self.logger)
                guard !exists.isEmpty else { throw ViewfinderError(.notFound, "there is no photo with id \(change.photoID)") }
                switch change {
                case .setMetadata(let id, let metadata):
                    try await self.setMetadata(connection, photoID: id, metadata, now: now)
                case .setFlags(let id, let favorite, let archived):
                    try await connection.run(
                        "UPDATE photos SET favorite = \(favorite), archived = \(archived), updated_at = \(now) WHERE id = \(id)",
                        self.logger)
                case .putEmbedding(let id, let embedding):
                    guard let space = resolved["\(embedding.model)/\(embedding.dims)"] else { continue }
                    try await self.putEmbedding(connection, space: space, photoID: id, vector: embedding.vector, now: now)
                case .deletePhoto(let id):
                    try await connection.run("DELETE FROM photos WHERE id = \(id)", self.logger)
                case .addToAlbum(let albumID, let photoID):
                    try await self.requireAlbum(connection, albumID)
                    try await connection.run(
                        """
                        INSERT INTO album_photos (album_id, photo_id, added_at) VALUES (\(albumID), \(photoID), \(now))
                        ON CONFLICT DO NOTHING
                        """, self.logger)
                case .removeFromAlbum(let albumID, let photoID):
                    try await self.requireAlbum(connection, albumID)
                    try await connection.run(
                        "DELETE FROM album_photos WHERE album_id = \(albumID) AND photo_id = \(photoID)", self.logger)
                }
            }
        }
    }

    /// The shared write statements in PostgreSQL's dialect.
    static let writes = PhotoWriteSQL(.postgres)

    /// Inserts or updates the row of `write` (and its metadata) and returns its id.
    func upsertPhoto(_ connection: PostgresConnection, _ write: PhotoWrite, now: Date) async throws -> Int64 {
        let writes = Self.writes
        try await connection.run(SQLBuilder(writes.insertLibrary(root: write.file.root, now: now)).query, logger)
        guard let libraryID = try await connection.run(SQLBuilder(writes.libraryID(root: write.file.root)).query, logger)
            .first?.decode(Int64.self)
        else { throw ViewfinderError(.storageFailed, "library row vanished during the write") }
        let rows = try await connection.run(SQLBuilder(writes.upsert(write, libraryID: libraryID, now: now)).query, logger)
        guard let id = try rows.first?.decode(Int64.self) else {
            throw ViewfinderError(.storageFailed, "photo row vanished during the write")
        }
        if let metadata = write.metadata { try await setMetadata(connection, photoID: id, metadata, now: now) }
        return id
    }

    /// Replaces the metadata columns of one photo.
    func setMetadata(_ connection: PostgresConnection, photoID: Int64, _ metadata: PhotoMetadata, now: Date) async throws {
        try await connection.run(SQLBuilder(Self.writes.setMetadata(metadata, photoID: photoID, now: now)).query, logger)
    }

    private func requireAlbum(_ connection: PostgresConnection, _ albumID: Int64) async throws {
        let rows = try await connection.run("SELECT 1 FROM albums WHERE id = \(albumID)", logger)
        guard !rows.isEmpty else { throw ViewfinderError(.notFound, "there is no album with id \(albumID)") }
    }

    /// Bindings for one Int64 value.
    static func int64Binds(_ value: Int64) -> PostgresBindings {
        var binds = PostgresBindings(capacity: 1)
        binds.append(value)
        return binds
    }
}
