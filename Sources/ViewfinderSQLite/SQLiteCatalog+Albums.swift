import Foundation
import GRDB
public import ViewfinderCore

extension SQLiteCatalog {
    public func createAlbum(title: String, description: String?) async throws(ViewfinderError) -> Album {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ViewfinderError(.invalidInput, "an album needs a title") }
        return try await write { db in
            let now = Date().timeIntervalSince1970
            let uid = PhotoUID.make(prefix: "a")
            try db.execute(
                sql: "INSERT INTO albums (uid, title, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [uid, trimmed, description, now, now])
            return Album(
                id: db.lastInsertedRowID, uid: uid, title: trimmed, description: description,
                createdAt: Date(timeIntervalSince1970: now), photoCount: 0)
        }
    }

    public func albums() async throws(ViewfinderError) -> [Album] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT albums.*, (SELECT COUNT(*) FROM album_photos WHERE album_id = albums.id) AS photo_count
                    FROM albums ORDER BY title, id
                    """
            ).map { row in
                Album(
                    id: row["id"], uid: row["uid"], title: row["title"], description: row["description"],
                    createdAt: Date(timeIntervalSince1970: row["created_at"]), photoCount: row["photo_count"])
            }
        }
    }

    public func renameAlbum(id: Int64, title: String) async throws(ViewfinderError) {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ViewfinderError(.invalidInput, "an album needs a title") }
        try await write { db in
            try db.execute(
                sql: "UPDATE albums SET title = ?, updated_at = ? WHERE id = ?",
                arguments: [trimmed, Date().timeIntervalSince1970, id])
            guard db.changesCount > 0 else { throw ViewfinderError(.notFound, "there is no album with id \(id)") }
        }
    }

    public func deleteAlbum(id: Int64) async throws(ViewfinderError) {
        try await write { db in
            try db.execute(sql: "DELETE FROM albums WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { throw ViewfinderError(.notFound, "there is no album with id \(id)") }
        }
    }
}
