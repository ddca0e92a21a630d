import Foundation
import PostgresNIO
public import ViewfinderCore

extension PostgresCatalog {
    public func createAlbum(title: String, description: String?) async throws(ViewfinderError) -> Album {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ViewfinderError(.invalidInput, "an album needs a title") }
        let uid = PhotoUID.make(prefix: "a")
        let now = Date()
        let rows = try await rows(
            "creating an album",
            """
            INSERT INTO albums (uid, title, description, created_at, updated_at)
            VALUES (\(uid), \(trimmed), \(description), \(now), \(now)) RETURNING id, created_at
            """)
        let (id, created) = try decoding { try rows.first?.decode((Int64, Date).self) } ?? (Int64(0), now)
        return Album(id: id, uid: uid, title: trimmed, description: description, createdAt: created, photoCount: 0)
    }

    public func albums() async throws(ViewfinderError) -> [Album] {
        let rows = try await rows(
            "listing albums",
            """
            SELECT albums.id, albums.uid, albums.title, albums.description, albums.created_at,
                (SELECT count(*) FROM album_photos WHERE album_id = albums.id)
            FROM albums ORDER BY albums.title, albums.id
            """)
        return try decoding {
            try rows.map { row in
                let (id, uid, title, description, created, count) = try row.decode(
                    (Int64, String, String, String?, Date, Int64).self)
                return Album(id: id, uid: uid, title: title, description: description, createdAt: created, photoCount: Int(count))
            }
        }
    }

    public func renameAlbum(id: Int64, title: String) async throws(ViewfinderError) {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ViewfinderError(.invalidInput, "an album needs a title") }
        let now = Date()
        let rows = try await rows(
            "renaming an album", "UPDATE albums SET title = \(trimmed), updated_at = \(now) WHERE id = \(id) RETURNING id")
        guard !rows.isEmpty else { throw ViewfinderError(.notFound, "there is no album with id \(id)") }
    }

    public func deleteAlbum(id: Int64) async throws(ViewfinderError) {
        let rows = try await rows("deleting an album", "DELETE FROM albums WHERE id = \(id) RETURNING id")
        guard !rows.isEmpty else { throw ViewfinderError(.notFound, "there is no album with id \(id)") }
    }
}
