public import Foundation
import MariaDBClient
import ViewfinderSQL
public import ViewfinderCore

extension MariaDBCatalog {
    public func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Bool {
        guard let space = try await space(model: model, dims: dims, create: false) else { return false }
        return try await run("reading an embedding") { connection in
            !(try connection.query("SELECT 1 FROM \(unsafeSQL: space.table) WHERE photo_id = \(photoID)").rows.isEmpty)
        }
    }

    public func save(_ batch: [IndexedPhoto], failures: [IndexFailure]) async throws(ViewfinderError) {
        try await PhotoWrite.save(batch, failures: failures, store: { key throws(ViewfinderError) in
            try await space(model: key.model, dims: key.dims, create: true)
        }, write: { rows, spaces throws(ViewfinderError) in
            // Synchronous on a pooled connection: every row and its vector in one InnoDB transaction.
            try await transaction("saving indexed photos") { connection in
                let now = Date()
                for row in rows {
                    let id = try Self.upsertPhoto(connection, row, now: now)
                    if let embedding = row.embedding, let space = spaces[EmbeddingSpaceKey(embedding)] {
                        try Self.putEmbedding(connection, space: space, photoID: id, vector: embedding.vector, now: now)
                    }
                }
            }
        })
    }

    public func apply(_ changes: [CatalogChange]) async throws(ViewfinderError) {
        guard !changes.isEmpty else { return }
        var resolved: [String: MariaDBSpace] = [:]
        for change in changes {
            try change.validate()
            if case .putEmbedding(_, let embedding) = change {
                resolved["\(embedding.model)/\(embedding.dims)"] = try await space(
                    model: embedding.model, dims: embedding.dims, create: true)
            }
        }
        let spaces = resolved
        try await transaction("changing the catalog") { connection in
            let now = Date()
            let stamp = MariaDBDateTime.format(now)
            for change in changes {
                guard !(try connection.query("SELECT 1 FROM photos WHERE id = \(change.photoID) FOR UPDATE").rows.isEmpty)
                else { throw ViewfinderError(.notFound, "there is no photo with id \(change.photoID)") }
                switch change {
                case .setMetadata(let id, let metadata):
                    try Self.setMetadata(connection, photoID: id, metadata, now: now)
                case .setFlags(let id, let favorite, let archived):
                    try connection.query(
                        "UPDATE photos SET favorite = \(favorite), archived = \(archived), updated_at = \(stamp) WHERE id = \(id)")
                    try Self.logVectorChange(connection, photoID: id)
                case .putEmbedding(let id, let embedding):
                    guard let space = spaces["\(embedding.model)/\(embedding.dims)"] else { continue }
                    try Self.putEmbedding(connection, space: space, photoID: id, vector: embedding.vector, now: now)
                case .deletePhoto(let id):
                    try connection.query("DELETE FROM photos WHERE id = \(id)")
                    try Self.logVectorChange(connection, photoID: id)
                case .addToAlbum(let albumID, let photoID):
                    try Self.requireAlbum(connection, albumID)
                    try connection.query(
                        "INSERT IGNORE INTO album_photos (album_id, photo_id, added_at) VALUES (\(albumID), \(photoID), \(stamp))")
                case .removeFromAlbum(let albumID, let photoID):
                    try Self.requireAlbum(connection, albumID)
                    try connection.query("DELETE FROM album_photos WHERE album_id = \(albumID) AND photo_id = \(photoID)")
                }
            }
        }
    }

    /// The shared write statements in MariaDB's dialect.
    static let writes = PhotoWriteSQL(.mariaDB)

    /// Inserts or updates the row of `write` (and its metadata) and returns its id.
    static func upsertPhoto(_ connection: MariaDBConnection, _ write: PhotoWrite, now: Date) throws -> Int64 {
        try connection.query(MariaDBQuery(writes.insertLibrary(root: write.file.root, now: now)))
        guard let libraryID = try connection.query(MariaDBQuery(writes.libraryID(root: write.file.root))).rows.first?.int64(0)
        else { throw ViewfinderError(.storageFailed, "library row vanished during the write") }
        try connection.query(MariaDBQuery(writes.upsert(write, libraryID: libraryID, now: now)))
        let select = writes.photoID(libraryID: libraryID, path: write.file.relativePath)
        guard let id = try connection.query(MariaDBQuery(select)).rows.first?.int64(0) else {
            throw ViewfinderError(.storageFailed, "photo row vanished during the write")
        }
        try logVectorChange(connection, photoID: id)
        if let metadata = write.metadata { try setMetadata(connection, photoID: id, metadata, now: now) }
        return id
    }

    /// Replaces the metadata columns of one photo.
    static func setMetadata(_ connection: MariaDBConnection, photoID: Int64, _ metadata: PhotoMetadata, now: Date) throws {
        try connection.query(MariaDBQuery(writes.setMetadata(metadata, photoID: photoID, now: now)))
    }

    private static func requireAlbum(_ connection: MariaDBConnection, _ albumID: Int64) throws {
        guard !(try connection.query("SELECT 1 FROM albums WHERE id = \(albumID)").rows.isEmpty) else {
            throw ViewfinderError(.notFound, "there is no album with id \(albumID)")
        }
    }
}
