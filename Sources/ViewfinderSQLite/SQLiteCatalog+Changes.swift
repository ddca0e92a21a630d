import Foundation
import GRDB
import ViewfinderSQL
public import ViewfinderCore

extension SQLiteCatalog {
    public func apply(_ changes: [CatalogChange]) async throws(ViewfinderError) {
        guard !changes.isEmpty else { return }
        for change in changes { try change.validate() }
        let precision = vectorPrecision
        try await write { db in
            let date = Date()
            let now = date.timeIntervalSince1970
            for change in changes {
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM photos WHERE id = ?)", arguments: [change.photoID]) == true
                else { throw ViewfinderError(.notFound, "there is no photo with id \(change.photoID)") }
                switch change {
                case .setMetadata(let id, let metadata):
                    try db.execute(Self.writes.setMetadata(metadata, photoID: id, now: date))
                case .setFlags(let id, let favorite, let archived):
                    try db.execute(
                        sql: "UPDATE photos SET favorite = ?, archived = ?, updated_at = ? WHERE id = ?",
                        arguments: [favorite, archived, now, id])
                case .putEmbedding(let id, let embedding):
                    try Self.putEmbedding(db, photoID: id, embedding, precision: precision, now: now)
                case .deletePhoto(let id):
                    try db.execute(sql: "DELETE FROM photos WHERE id = ?", arguments: [id])
                case .addToAlbum(let albumID, let photoID):
                    try Self.requireAlbum(db, albumID)
                    try db.execute(
                        sql: "INSERT INTO album_photos (album_id, photo_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        arguments: [albumID, photoID, now])
                case .removeFromAlbum(let albumID, let photoID):
                    try Self.requireAlbum(db, albumID)
                    try db.execute(
                        sql: "DELETE FROM album_photos WHERE album_id = ? AND photo_id = ?", arguments: [albumID, photoID])
                }
            }
        }
    }

    /// Inserts or replaces one embedding.
    static func putEmbedding(
        _ db: Database, photoID: Int64, _ embedding: Embedding, precision: VectorPrecision, now: Double
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO embeddings (photo_id, model, dims, vector, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (photo_id, model, dims) DO UPDATE SET vector = excluded.vector,
                    created_at = excluded.created_at
                """,
            arguments: [
                photoID, embedding.model.rawValue, embedding.dims,
                VectorBlob.encode(embedding.vector, precision: precision), now,
            ])
    }

    private static func requireAlbum(_ db: Database, _ albumID: Int64) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM albums WHERE id = ?)", arguments: [albumID]) == true
        else { throw ViewfinderError(.notFound, "there is no album with id \(albumID)") }
    }
}
