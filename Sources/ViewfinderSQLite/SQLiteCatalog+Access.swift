import Foundation
import GRDB
import ViewfinderSQL
import ViewfinderCore

extension SQLiteCatalog {
    /// The shared write statements in SQLite's dialect.
    static let writes = PhotoWriteSQL(.sqlite)

    /// Inserts or updates the row of `write` (and its metadata) and returns its id.
    static func upsertPhoto(_ db: Database, _ write: PhotoWrite, now: Date) throws -> Int64 {
        try db.execute(writes.insertLibrary(root: write.file.root, now: now))
        guard let libraryID = try fetchID(db, writes.libraryID(root: write.file.root)) else {
            throw ViewfinderError(.storageFailed, "library row vanished during the write")
        }
        try db.execute(writes.upsert(write, libraryID: libraryID, now: now))
        guard let id = try fetchID(db, writes.photoID(libraryID: libraryID, path: write.file.relativePath)) else {
            throw ViewfinderError(.storageFailed, "photo row vanished during the write")
        }
        if let metadata = write.metadata { try db.execute(writes.setMetadata(metadata, photoID: id, now: now)) }
        return id
    }

    /// The id in the first column of `query`'s first row.
    private static func fetchID(_ db: Database, _ query: SQLFragment) throws -> Int64? {
        let statement = SQLiteStatement(query)
        return try Int64.fetchOne(db, sql: statement.sql, arguments: statement.arguments)
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
