public import Foundation
import MariaDBClient
import ViewfinderSQL
public import ViewfinderCore

extension MariaDBCatalog {
    public func libraryEntries(root: String, model: ModelID, dims: Int) async throws(ViewfinderError) -> [LibraryEntry] {
        let space = try await space(model: model, dims: dims, create: false)
        let embedded = Self.statements.hasEmbedding(in: space?.table)
        return try await run("listing a library's photos") { connection in
            let result = try connection.query(
                """
                SELECT photos.id, photos.path, photos.size, photos.mtime, photos.content_hash, photos.index_status,
                       UNIX_TIMESTAMP(photos.missing_since), \(unsafeSQL: embedded)
                FROM photos JOIN libraries ON libraries.id = photos.library_id WHERE libraries.root = \(root)
                """)
            return try result.rows.map { row in
                LibraryEntry(
                    photoID: try row.int64(0) ?? 0, root: root, relativePath: try row.string(1) ?? "",
                    size: try row.int64(2) ?? 0, modifiedAt: Date(timeIntervalSince1970: try row.double(3) ?? 0),
                    contentHash: try row.string(4) ?? "",
                    status: IndexStatus(rawValue: try row.string(5) ?? "") ?? .pending,
                    missingSince: try row.double(6).map(Date.init(timeIntervalSince1970:)),
                    embedded: (try row.int64(7) ?? 0) != 0)
            }
        }
    }

    public func relocate(photoID: Int64, to file: LibraryFile) async throws(ViewfinderError) {
        try await transaction("moving a photo") { connection in
            let now = Date()
            let stamp = MariaDBDateTime.format(now)
            try connection.query(MariaDBQuery(Self.writes.insertLibrary(root: file.root, now: now)))
            guard let libraryID = try connection.query(MariaDBQuery(Self.writes.libraryID(root: file.root))).rows.first?.int64(0)
            else { throw ViewfinderError(.storageFailed, "library row vanished during the write") }
            guard !(try connection.query("SELECT 1 FROM photos WHERE id = \(photoID) FOR UPDATE").rows.isEmpty) else {
                throw ViewfinderError(.notFound, "there is no photo with id \(photoID)")
            }
            try connection.query(
                """
                UPDATE photos SET library_id = \(libraryID), path = \(file.relativePath), size = \(file.size),
                    mtime = \(file.modifiedAt.timeIntervalSince1970), index_status = 'indexed', error_reason = NULL,
                    missing_since = NULL, updated_at = \(stamp)
                WHERE id = \(photoID)
                """)
            // A photo that comes back from 'missing' is searchable again.
            try Self.logVectorChange(connection, photoID: photoID)
        }
    }

    public func markMissing(photoIDs: [Int64], at date: Date) async throws(ViewfinderError) {
        guard !photoIDs.isEmpty else { return }
        try await transaction("marking photos missing") { connection in
            let stamp = MariaDBDateTime.format(date)
            for id in photoIDs {
                try connection.query(
                    """
                    UPDATE photos SET index_status = 'missing', missing_since = \(stamp), updated_at = \(stamp)
                    WHERE id = \(id) AND index_status <> 'missing'
                    """)
                try Self.logVectorChange(connection, photoID: id)
            }
        }
    }

    public func recordFiles(_ records: [FileRecord]) async throws(ViewfinderError) {
        let writes = try PhotoWrite.rows(records)
        guard !writes.isEmpty else { return }
        try await transaction("recording pictures") { connection in
            let now = Date()
            for write in writes { _ = try Self.upsertPhoto(connection, write, now: now) }
        }
    }

    public func pruneEmbeddings(keeping model: ModelID, dims: Int) async throws(ViewfinderError) -> Int {
        let spaces = try await allSpaces().filter { !($0.model == model.rawValue && $0.dims == dims) }
        guard !spaces.isEmpty else { return 0 }
        return try await transaction("pruning embeddings") { connection in
            var deleted = 0
            for space in spaces {
                deleted += Int(try connection.query("DELETE FROM \(unsafeSQL: space.table)").affectedRows)
            }
            return deleted
        }
    }
}
