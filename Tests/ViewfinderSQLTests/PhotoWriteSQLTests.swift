import Foundation
import Testing
import ViewfinderCore
import ViewfinderSQL

/// The shared photo-row write statements, per dialect (no database).
struct PhotoWriteSQLTests {
    @Test func photoUpsertUsesEachDialectsConflictSyntax() throws {
        let file = LibraryFile(root: "/lib", relativePath: "a/b.jpg", size: 10, modifiedAt: Date(timeIntervalSince1970: 5))
        let rows = try PhotoWrite.rows([], failures: [IndexFailure(file: file, contentHash: nil, reason: "broken")])
        let failure = try #require(rows.first)
        let now = Date(timeIntervalSince1970: 100)
        let sqlite = PhotoWriteSQL(.sqlite).upsert(failure, libraryID: 3, now: now)
        #expect(sqlite.sql(.sqlite).contains(
            "ON CONFLICT (library_id, path) DO UPDATE SET content_hash = excluded.content_hash"))
        #expect(sqlite.sql(.sqlite).contains("attempts = photos.attempts + excluded.attempts"))
        #expect(!sqlite.sql(.sqlite).contains("RETURNING"))
        #expect(Array(sqlite.values.dropFirst()) == [
            .integer(3), .text("a/b.jpg"), .text(""), .integer(10), .double(5), .integer(0), .integer(0), .text("failed"),
            .text("broken"), .integer(1), .double(100), .double(100), .null, .integer(1), .text(""),
        ])
        let postgres = PhotoWriteSQL(.postgres).upsert(failure, libraryID: 3, now: now).sql(.postgres)
        #expect(postgres.hasSuffix("RETURNING id"))
        #expect(postgres.contains("VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"))
        let mariaDB = PhotoWriteSQL(.mariaDB).upsert(failure, libraryID: 3, now: now)
        #expect(mariaDB.sql(.mariaDB).contains("ON DUPLICATE KEY UPDATE content_hash = VALUES(content_hash)"))
        #expect(mariaDB.sql(.mariaDB).contains("mime_type = coalesce(VALUES(mime_type), mime_type)"))
        #expect(mariaDB.values[11] == .date(now))
    }

    @Test func libraryInsertIgnoresAnExistingRoot() {
        let now = Date(timeIntervalSince1970: 100)
        #expect(PhotoWriteSQL(.postgres).insertLibrary(root: "/lib", now: now).sql(.postgres)
            == "INSERT INTO libraries (root, added_at) VALUES ($1, $2) ON CONFLICT (root) DO NOTHING")
        let mariaDB = PhotoWriteSQL(.mariaDB).insertLibrary(root: "/lib", now: now)
        #expect(mariaDB.sql(.mariaDB) == "INSERT IGNORE INTO libraries (root, added_at) VALUES (?, ?)")
        #expect(mariaDB.values == [.text("/lib"), .date(now)])
    }

    @Test func rowsAreCheckedBeforeAnyWrite() {
        let file = LibraryFile(root: "/lib", relativePath: "a.jpg", size: 1, modifiedAt: Date(timeIntervalSince1970: 0))
        let bad = IndexedPhoto(
            file: file, contentHash: "h", width: 1, height: 1, embedding: Embedding(model: ModelID("m"), vector: [.nan]))
        #expect(throws: ViewfinderError.self) { try PhotoWrite.rows([bad], failures: []) }
    }

    @Test func metadataAssignmentsBindEveryColumn() {
        var metadata = PhotoMetadata()
        metadata.iso = 200
        metadata.keywords = ["a", "b"]
        let update = PhotoWriteSQL(.postgres).setMetadata(metadata, photoID: 9, now: Date(timeIntervalSince1970: 1))
        #expect(update.sql(.postgres).hasPrefix("UPDATE photos SET taken_at = $1, taken_at_local = $2, taken_src = $3"))
        #expect(update.sql(.postgres).hasSuffix("updated_at = $17 WHERE id = $18"))
        #expect(update.values[6] == .integer(200))
        #expect(update.values[15] == .text("a,b"))
        #expect(update.values.last == .integer(9))
    }
}
