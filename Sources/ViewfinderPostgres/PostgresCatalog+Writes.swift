public import Foundation
import PostgresNIO
public import ViewfinderCore

extension PostgresCatalog {
    public func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Bool {
        guard let space = try await space(model: model, dims: dims, create: false) else { return false }
        return !(try await rows(
            "reading an embedding",
            PostgresQuery(unsafeSQL: "SELECT 1 FROM \(space.table) WHERE photo_id = $1", binds: Self.int64Binds(photoID)))
            .isEmpty)
    }

    public func save(_ batch: [IndexedPhoto]) async throws(ViewfinderError) {
        try await save(batch, failures: [])
    }

    public func recordFailures(_ failures: [IndexFailure]) async throws(ViewfinderError) {
        try await save([], failures: failures)
    }

    public func save(_ batch: [IndexedPhoto], failures: [IndexFailure]) async throws(ViewfinderError) {
        guard !batch.isEmpty || !failures.isEmpty else { return }
        var spacesByKey: [String: EmbeddingSpace] = [:]
        for item in batch {
            try item.embedding.validateForStorage()
            try item.metadata?.validate()
            let key = "\(item.embedding.model)/\(item.embedding.dims)"
            if spacesByKey[key] == nil {
                // Created before the transaction: DDL must not interleave with the batch's writes.
                spacesByKey[key] = try await space(model: item.embedding.model, dims: item.embedding.dims, create: true)
            }
        }
        let resolved = spacesByKey
        try await transaction("saving indexed photos") { connection in
            let now = Date()
            for item in batch {
                let photoID = try await self.upsertPhoto(
                    connection, file: item.file, hash: item.contentHash, width: item.width, height: item.height,
                    status: .indexed, reason: nil, now: now, mimeType: item.mimeType, orientation: item.orientation)
                if let metadata = item.metadata {
                    try await self.setMetadata(connection, photoID: photoID, metadata, now: now)
                }
                guard let space = resolved["\(item.embedding.model)/\(item.embedding.dims)"] else { continue }
                try await self.putEmbedding(connection, space: space, photoID: photoID, vector: item.embedding.vector, now: now)
            }
            for failure in failures {
                _ = try await self.upsertPhoto(
                    connection, file: failure.file, hash: failure.contentHash ?? "", width: 0, height: 0,
                    status: .failed, reason: failure.reason, now: now, mimeType: nil, orientation: 1)
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

    /// Inserts or updates the photo row for `file` and returns its id.
    func upsertPhoto(
        _ connection: PostgresConnection, file: LibraryFile, hash: String, width: Int, height: Int,
        status: IndexStatus, reason: String?, now: Date, mimeType: String?, orientation: Int
    ) async throws -> Int64 {
        try await connection.run(
            "INSERT INTO libraries (root, added_at) VALUES (\(file.root), \(now)) ON CONFLICT (root) DO NOTHING", logger)
        guard let libraryID = try await connection.run("SELECT id FROM libraries WHERE root = \(file.root)", logger)
            .first?.decode(Int64.self)
        else { throw ViewfinderError(.storageFailed, "library row vanished during the write") }
        let increment: Int32 = status == .failed ? 1 : 0
        let rows = try await connection.run(
            """
            INSERT INTO photos (uid, library_id, path, content_hash, size, mtime, width, height, index_status,
                                error_reason, attempts, added_at, updated_at, mime_type, orientation)
            VALUES (\(PhotoUID.make()), \(libraryID), \(file.relativePath), \(hash), \(file.size),
                    \(file.modifiedAt.timeIntervalSince1970), \(Int32(clamping: width)), \(Int32(clamping: height)),
                    \(status.rawValue), \(reason), \(increment), \(now), \(now), \(mimeType), \(Int16(clamping: orientation)))
            ON CONFLICT (library_id, path) DO UPDATE SET
                content_hash = EXCLUDED.content_hash, size = EXCLUDED.size, mtime = EXCLUDED.mtime,
                width = EXCLUDED.width, height = EXCLUDED.height, index_status = EXCLUDED.index_status,
                error_reason = EXCLUDED.error_reason, attempts = photos.attempts + EXCLUDED.attempts,
                updated_at = EXCLUDED.updated_at, mime_type = coalesce(EXCLUDED.mime_type, photos.mime_type),
                orientation = EXCLUDED.orientation
            RETURNING id
            """, logger)
        guard let id = try rows.first?.decode(Int64.self) else {
            throw ViewfinderError(.storageFailed, "photo row vanished during the write")
        }
        return id
    }

    /// Replaces the metadata columns of one photo.
    func setMetadata(_ connection: PostgresConnection, photoID: Int64, _ metadata: PhotoMetadata, now: Date) async throws {
        var builder = SQLBuilder("UPDATE photos SET ")
        PostgresPhotoRow.appendMetadataAssignments(metadata, to: &builder)
        builder.append(", updated_at = \(builder.bind(now)) WHERE id = \(builder.bind(photoID))")
        try await connection.run(builder.query, logger)
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
