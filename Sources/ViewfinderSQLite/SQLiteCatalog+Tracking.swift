public import Foundation
import GRDB
import ViewfinderSQL
public import ViewfinderCore

extension SQLiteCatalog {
    public func libraryEntries(root: String, model: ModelID, dims: Int) async throws(ViewfinderError) -> [LibraryEntry] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT photos.id, photos.path, photos.size, photos.mtime, photos.content_hash, photos.index_status,
                           photos.missing_since,
                           EXISTS (SELECT 1 FROM embeddings e WHERE e.photo_id = photos.id AND e.model = ? AND e.dims = ?)
                               AS embedded
                    FROM photos JOIN libraries ON libraries.id = photos.library_id
                    WHERE libraries.root = ?
                    """,
                arguments: [model.rawValue, dims, root]
            ).map { row in
                let missing: Double? = row["missing_since"]
                return LibraryEntry(
                    photoID: row["id"], root: root, relativePath: row["path"], size: row["size"],
                    modifiedAt: Date(timeIntervalSince1970: row["mtime"]), contentHash: row["content_hash"],
                    status: IndexStatus(rawValue: row["index_status"]) ?? .pending,
                    missingSince: missing.map(Date.init(timeIntervalSince1970:)), embedded: row["embedded"])
            }
        }
    }

    public func relocate(photoID: Int64, to file: LibraryFile) async throws(ViewfinderError) {
        try await write { db in
            let date = Date()
            let now = date.timeIntervalSince1970
            try db.execute(Self.writes.insertLibrary(root: file.root, now: date))
            try db.execute(
                sql: """
                    UPDATE photos SET library_id = (SELECT id FROM libraries WHERE root = ?), path = ?, size = ?,
                        mtime = ?, index_status = 'indexed', error_reason = NULL, missing_since = NULL, updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [file.root, file.relativePath, file.size, file.modifiedAt.timeIntervalSince1970, now, photoID])
            guard db.changesCount == 1 else { throw ViewfinderError(.notFound, "there is no photo with id \(photoID)") }
        }
    }

    public func markMissing(photoIDs: [Int64], at date: Date) async throws(ViewfinderError) {
        guard !photoIDs.isEmpty else { return }
        try await write { db in
            for id in photoIDs {
                try db.execute(
                    sql: """
                        UPDATE photos SET index_status = 'missing', missing_since = ?,
                            updated_at = ? WHERE id = ? AND index_status <> 'missing'
                        """,
                    arguments: [date.timeIntervalSince1970, date.timeIntervalSince1970, id])
            }
        }
    }

    public func recordFiles(_ records: [FileRecord]) async throws(ViewfinderError) {
        let rows = try PhotoWrite.rows(records)
        guard !rows.isEmpty else { return }
        try await write { db in
            let now = Date()
            for row in rows { _ = try Self.upsertPhoto(db, row, now: now) }
        }
    }

    public func pruneEmbeddings(keeping model: ModelID, dims: Int) async throws(ViewfinderError) -> Int {
        try await write { db in
            try db.execute(sql: "DELETE FROM embeddings WHERE NOT (model = ? AND dims = ?)", arguments: [model.rawValue, dims])
            return db.changesCount
        }
    }
}
