public import Foundation
import PostgresNIO
import ViewfinderSQL
public import ViewfinderCore

extension PostgresCatalog {
    public func libraryEntries(root: String, model: ModelID, dims: Int) async throws(ViewfinderError) -> [LibraryEntry] {
        let space = try await space(model: model, dims: dims, create: false)
        let embedded = Self.statements.hasEmbedding(in: space?.table)
        let found = try await rows(
            "listing a library's photos",
            PostgresQuery(
                unsafeSQL: """
                    SELECT photos.id, photos.path, photos.size, photos.mtime, photos.content_hash, photos.index_status,
                           photos.missing_since, \(embedded)
                    FROM photos JOIN libraries ON libraries.id = photos.library_id WHERE libraries.root = $1
                    """, binds: Self.binds(root)))
        return try decoding {
            try found.map { row in
                let (id, path, size, mtime, hash, status, missing, isEmbedded) = try row.decode(
                    (Int64, String, Int64, Double, String, String, Date?, Bool).self)
                return LibraryEntry(
                    photoID: id, root: root, relativePath: path, size: size, modifiedAt: Date(timeIntervalSince1970: mtime),
                    contentHash: hash, status: IndexStatus(rawValue: status) ?? .pending, missingSince: missing,
                    embedded: isEmbedded)
            }
        }
    }

    public func relocate(photoID: Int64, to file: LibraryFile) async throws(ViewfinderError) {
        try await transaction("moving a photo") { connection in
            let now = Date()
            try await connection.run(SQLBuilder(Self.writes.insertLibrary(root: file.root, now: now)).query, self.logger)
            let moved = try await connection.run(
                """
                UPDATE photos SET library_id = (SELECT id FROM libraries WHERE root = \(file.root)),
                    path = \(file.relativePath), size = \(file.size), mtime = \(file.modifiedAt.timeIntervalSince1970),
                    index_status = 'indexed', error_reason = NULL, missing_since = NULL, updated_at = \(now)
                WHERE id = \(photoID) RETURNING id
                """, self.logger)
            guard !moved.isEmpty else { throw ViewfinderError(.notFound, "there is no photo with id \(photoID)") }
        }
    }

    public func markMissing(photoIDs: [Int64], at date: Date) async throws(ViewfinderError) {
        guard !photoIDs.isEmpty else { return }
        _ = try await transaction("marking photos missing") { connection in
            try await connection.run(
                """
                UPDATE photos SET index_status = 'missing', missing_since = \(date), updated_at = \(date)
                WHERE id = ANY(\(photoIDs)) AND index_status <> 'missing'
                """, self.logger)
        }
    }

    public func recordFiles(_ records: [FileRecord]) async throws(ViewfinderError) {
        let writes = try PhotoWrite.rows(records)
        guard !writes.isEmpty else { return }
        try await transaction("recording pictures") { connection in
            let now = Date()
            for write in writes { _ = try await self.upsertPhoto(connection, write, now: now) }
        }
    }

    public func pruneEmbeddings(keeping model: ModelID, dims: Int) async throws(ViewfinderError) -> Int {
        var deleted = 0
        for space in try await allSpaces() where !(space.model == model.rawValue && space.dims == dims) {
            let removed = try await rows(
                "pruning embeddings",
                PostgresQuery(unsafeSQL: "WITH d AS (DELETE FROM \(space.table) RETURNING 1) SELECT count(*) FROM d"))
            deleted += Int(try decoding { try removed.first?.decode(Int64.self) } ?? 0)
        }
        return deleted
    }
}
