public import Foundation
import MariaDBClient
public import ViewfinderCore

extension MariaDBCatalog {
    public func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Bool {
        guard let space = try await space(model: model, dims: dims, create: false) else { return false }
        return try await run("reading an embedding") { connection in
            !(try connection.query("SELECT 1 FROM \(unsafeSQL: space.table) WHERE photo_id = \(photoID)").rows.isEmpty)
        }
    }

    public func save(_ batch: [IndexedPhoto]) async throws(ViewfinderError) {
        try await save(batch, failures: [])
    }

    public func recordFailures(_ failures: [IndexFailure]) async throws(ViewfinderError) {
        try await save([], failures: failures)
    }

    public func save(_ batch: [IndexedPhoto], failures: [IndexFailure]) async throws(ViewfinderError) {
        guard !batch.isEmpty || !failures.isEmpty else { return }
        var resolved: [String: MariaDBSpace] = [:]
        for item in batch {
            try item.embedding.validateForStorage()
            try item.metadata?.validate()
            let key = "\(item.embedding.model)/\(item.embedding.dims)"
            if resolved[key] == nil {
                resolved[key] = try await space(model: item.embedding.model, dims: item.embedding.dims, create: true)
            }
        }
        let spaces = resolved
        try await transaction("saving indexed photos") { connection in
            let now = Date()
            for item in batch {
                let photoID = try Self.upsertPhoto(
                    connection, file: item.file, hash: item.contentHash, width: item.width, height: item.height,
                    status: .indexed, reason: nil, now: now, mimeType: item.mimeType, orientation: item.orientation)
                if let metadata = item.metadata { try Self.setMetadata(connection, photoID: photoID, metadata, now: now) }
                guard let space = spaces["\(item.embedding.model)/\(item.embedding.dims)"] else { continue }
                try Self.putEmbedding(connection, space: space, photoID: photoID, vector: item.embedding.vector, now: now)
            }
            for failure in failures {
                _ = try Self.upsertPhoto(
                    connection, file: failure.file, hash: failure.contentHash ?? "", width: 0, height: 0,
                    status: .failed, reason: failure.reason, now: now, mimeType: nil, orientation: 1)
            }
        }
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

    /// Inserts or updates the photo row for `file` and returns its id.
    static func upsertPhoto(
        _ connection: MariaDBConnection, file: LibraryFile, hash: String, width: Int, height: Int,
        status: IndexStatus, reason: String?, now: Date, mimeType: String?, orientation: Int
    ) throws -> Int64 {
        let stamp = MariaDBDateTime.format(now)
        try connection.query("INSERT IGNORE INTO libraries (root, added_at) VALUES (\(file.root), \(stamp))")
        guard let libraryID = try connection.query("SELECT id FROM libraries WHERE root = \(file.root)").rows.first?.int64(0)
        else { throw ViewfinderError(.storageFailed, "library row vanished during the write") }
        let increment = status == .failed ? 1 : 0
        try connection.query(
            """
            INSERT INTO photos (uid, library_id, path, content_hash, size, mtime, width, height, index_status,
                                error_reason, attempts, added_at, updated_at, mime_type, orientation, keywords)
            VALUES (\(PhotoUID.make()), \(libraryID), \(file.relativePath), \(hash), \(file.size),
                    \(file.modifiedAt.timeIntervalSince1970), \(width), \(height), \(status.rawValue), \(reason),
                    \(increment), \(stamp), \(stamp), \(mimeType), \(orientation), '')
            ON DUPLICATE KEY UPDATE
                content_hash = VALUES(content_hash), size = VALUES(size), mtime = VALUES(mtime),
                width = VALUES(width), height = VALUES(height), index_status = VALUES(index_status),
                error_reason = VALUES(error_reason), attempts = attempts + VALUES(attempts),
                updated_at = VALUES(updated_at), mime_type = COALESCE(VALUES(mime_type), mime_type),
                orientation = VALUES(orientation)
            """)
        guard let id = try connection.query(
            "SELECT id FROM photos WHERE library_id = \(libraryID) AND path = \(file.relativePath)").rows.first?.int64(0)
        else { throw ViewfinderError(.storageFailed, "photo row vanished during the write") }
        try logVectorChange(connection, photoID: id)
        return id
    }

    /// Replaces the metadata columns of one photo.
    static func setMetadata(_ connection: MariaDBConnection, photoID: Int64, _ metadata: PhotoMetadata, now: Date) throws {
        var query: MariaDBQuery = "UPDATE photos SET "
        query.append(MariaDBPhotoRow.metadataAssignments(metadata))
        query.append(", updated_at = \(MariaDBDateTime.format(now)) WHERE id = \(photoID)")
        try connection.query(query)
    }

    private static func requireAlbum(_ connection: MariaDBConnection, _ albumID: Int64) throws {
        guard !(try connection.query("SELECT 1 FROM albums WHERE id = \(albumID)").rows.isEmpty) else {
            throw ViewfinderError(.notFound, "there is no album with id \(albumID)")
        }
    }
}
