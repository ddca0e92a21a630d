import Foundation
import MariaDBClient
public import ViewfinderCore

extension MariaDBCatalog {
    public func createAlbum(title: String, description: String?) async throws(ViewfinderError) -> Album {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ViewfinderError(.invalidInput, "an album needs a title") }
        let uid = PhotoUID.make(prefix: "a")
        let now = Date()
        let stamp = MariaDBDateTime.format(now)
        let id = try await run("creating an album") { connection in
            try connection.query(
                """
                INSERT INTO albums (uid, title, description, created_at, updated_at)
                VALUES (\(uid), \(trimmed), \(description), \(stamp), \(stamp))
                """
            ).insertID
        }
        return Album(
            id: Int64(id), uid: uid, title: trimmed, description: description,
            createdAt: MariaDBDateTime.parse(stamp) ?? now, photoCount: 0)
    }

    public func albums() async throws(ViewfinderError) -> [Album] {
        try await run("listing albums") { connection in
            try connection.query(
                """
                SELECT albums.id, albums.uid, albums.title, albums.description, albums.created_at,
                    (SELECT COUNT(*) FROM album_photos WHERE album_id = albums.id)
                FROM albums ORDER BY albums.title, albums.id
                """
            ).rows.map { row in
                Album(
                    id: try row.int64(0) ?? 0, uid: try row.string(1) ?? "", title: try row.string(2) ?? "",
                    description: try row.string(3), createdAt: MariaDBDateTime.parse(try row.string(4) ?? "") ?? Date(),
                    photoCount: Int(try row.int64(5) ?? 0))
            }
        }
    }

    public func renameAlbum(id: Int64, title: String) async throws(ViewfinderError) {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ViewfinderError(.invalidInput, "an album needs a title") }
        let stamp = MariaDBDateTime.format(Date())
        try await run("renaming an album") { connection in
            // MariaDB counts only changed rows as affected, so existence is checked separately.
            guard try connection.query("SELECT id FROM albums WHERE id = \(id)").rows.count > 0 else {
                throw ViewfinderError(.notFound, "there is no album with id \(id)")
            }
            _ = try connection.query("UPDATE albums SET title = \(trimmed), updated_at = \(stamp) WHERE id = \(id)")
        }
    }

    public func deleteAlbum(id: Int64) async throws(ViewfinderError) {
        try await run("deleting an album") { connection in
            guard try connection.query("DELETE FROM albums WHERE id = \(id)").affectedRows > 0 else {
                throw ViewfinderError(.notFound, "there is no album with id \(id)")
            }
        }
    }
}
