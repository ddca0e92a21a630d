import Foundation
import GRDB
import ViewfinderCore

extension SQLiteCatalog {
    /// Inserts or updates the photo row for `file` and returns its id.
    static func upsertPhoto(
        _ db: Database, file: LibraryFile, hash: String, width: Int, height: Int,
        status: IndexStatus, reason: String?, now: Double, mimeType: String? = nil, orientation: Int = 1
    ) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO libraries (root, added_at) VALUES (?, ?) ON CONFLICT (root) DO NOTHING",
            arguments: [file.root, now])
        guard let libraryID = try Int64.fetchOne(db, sql: "SELECT id FROM libraries WHERE root = ?", arguments: [file.root])
        else { throw ViewfinderError(.storageFailed, "library row vanished during the write") }
        let attemptsIncrement = status == .failed ? 1 : 0
        try db.execute(
            sql: """
                INSERT INTO photos (uid, library_id, path, content_hash, size, mtime, width, height,
                                    index_status, error_reason, attempts, added_at, updated_at,
                                    mime_type, orientation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (library_id, path) DO UPDATE SET
                    content_hash = excluded.content_hash, size = excluded.size, mtime = excluded.mtime,
                    width = excluded.width, height = excluded.height, index_status = excluded.index_status,
                    error_reason = excluded.error_reason, attempts = photos.attempts + ?,
                    updated_at = excluded.updated_at, mime_type = coalesce(excluded.mime_type, photos.mime_type),
                    orientation = excluded.orientation
                """,
            arguments: [
                PhotoUID.make(), libraryID, file.relativePath, hash, file.size,
                file.modifiedAt.timeIntervalSince1970, width, height, status.rawValue, reason,
                attemptsIncrement, now, now, mimeType, orientation, attemptsIncrement,
            ])
        guard
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM photos WHERE library_id = ? AND path = ?",
                arguments: [libraryID, file.relativePath])
        else { throw ViewfinderError(.storageFailed, "photo row vanished during the write") }
        return id
    }

    /// Runs a read on the pool, mapping failures to the domain error.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(ViewfinderError) -> T {
        do {
            return try await databasePool.read(body)
        } catch let error as ViewfinderError {
            throw error
        } catch {
            throw Self.mapError(error, "reading the catalog", path: databasePool.path)
        }
    }

    /// Runs a write transaction on the pool, mapping failures to the domain error.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(ViewfinderError) -> T {
        do {
            return try await databasePool.write(body)
        } catch let error as ViewfinderError {
            throw error
        } catch {
            throw Self.mapError(error, "writing the catalog", path: databasePool.path)
        }
    }

    /// Maps a GRDB failure to the domain error; a full disk says so, since freeing space is all it takes.
    static func mapError(_ error: any Error, _ action: String, path: String) -> ViewfinderError {
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_FULL {
            return ViewfinderError(
                .storageFailed,
                "\(action) failed: the disk holding \(path) is full; free some space and run again (nothing "
                    + "committed was lost)", underlying: error)
        }
        return ViewfinderError(.storageFailed, "\(action) failed", underlying: error)
    }
}
