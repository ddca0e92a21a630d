import Foundation
import Testing
import ViewfinderCore
import ViewfinderSQLite
import ViewfinderTestSupport

/// The SQLite catalog on a real database file.
struct SQLiteCatalogTests {
    private func withCatalog(_ body: (SQLiteCatalog, URL) async throws -> Void) async throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("catalog.db")
        try await body(try SQLiteCatalog(path: path.path), path)
    }

    private func file(_ name: String, size: Int64 = 10) -> LibraryFile {
        LibraryFile(root: "/photos", relativePath: name, size: size, modifiedAt: Date(timeIntervalSince1970: 1_700_000_000.25))
    }

    @Test func savedPhotosAndVectorsRoundTripBitExactly() async throws {
        try await withCatalog { catalog, _ in
            let vector: [Float] = [0.1, -0.25, .pi, 1e-30, -0]
            try await catalog.save([
                IndexedPhoto(file: file("a.jpg"), contentHash: "h1", width: 640, height: 480,
                             embedding: Embedding(model: "m", vector: vector))
            ])
            let photo = try #require(try await catalog.photo(root: "/photos", relativePath: "a.jpg"))
            #expect(photo.width == 640 && photo.height == 480 && photo.contentHash == "h1")
            #expect(photo.modifiedAt == Date(timeIntervalSince1970: 1_700_000_000.25))
            #expect(photo.status == .indexed)
            #expect(PhotoUID.isValid(photo.uid))
            let stored = try await catalog.vectors(model: "m", dims: 5)
            #expect(stored.count == 1)
            #expect(stored.first?.vector.map(\.bitPattern) == vector.map(\.bitPattern))
            #expect(try await catalog.vectors(model: "m", dims: 4).isEmpty)
            #expect(try await catalog.vectors(model: "other", dims: 5).isEmpty)
            #expect(try await catalog.hasEmbedding(photoID: photo.id, model: "m", dims: 5))
        }
    }

    @Test func reSavingUpdatesInPlaceWithoutDuplicates() async throws {
        try await withCatalog { catalog, _ in
            let first = IndexedPhoto(file: file("a.jpg"), contentHash: "h1", width: 1, height: 1,
                                     embedding: Embedding(model: "m", vector: [1, 0]))
            try await catalog.save([first])
            let uid = try await catalog.photo(root: "/photos", relativePath: "a.jpg")?.uid
            let second = IndexedPhoto(file: file("a.jpg", size: 20), contentHash: "h2", width: 2, height: 2,
                                      embedding: Embedding(model: "m", vector: [0, 1]))
            try await catalog.save([second])
            let photo = try #require(try await catalog.photo(root: "/photos", relativePath: "a.jpg"))
            #expect(photo.uid == uid)
            #expect(photo.contentHash == "h2" && photo.size == 20)
            #expect(try await catalog.vectors(model: "m", dims: 2).map(\.vector) == [[0, 1]])
            #expect(try await catalog.counts() == CatalogCounts(photos: 1, failed: 0, embedded: ["m/2": 1]))
        }
    }

    @Test func failuresAreRecordedAndExcludedFromSearch() async throws {
        try await withCatalog { catalog, _ in
            try await catalog.recordFailures([IndexFailure(file: file("bad.jpg"), contentHash: nil, reason: "not an image")])
            try await catalog.recordFailures([IndexFailure(file: file("bad.jpg"), contentHash: nil, reason: "not an image")])
            let photo = try #require(try await catalog.photo(root: "/photos", relativePath: "bad.jpg"))
            #expect(photo.status == .failed)
            #expect(photo.errorReason == "not an image")
            #expect(try await catalog.counts().failed == 1)
        }
    }

    @Test func migrationsRunOnceAndReopeningIsANoOp() async throws {
        try await withCatalog { catalog, path in
            let applied = try await catalog.appliedMigrations()
            #expect(applied == [
                "0001_libraries_photos_embeddings", "0002_full_catalog_albums_fts", "0003_missing_files", "0004_vector_changes",
                "0005_status_taken_at",
            ])
            try await catalog.save([IndexedPhoto(file: file("a.jpg"), contentHash: "h", width: 1, height: 1,
                                                 embedding: Embedding(model: "m", vector: [1]))])
            let reopened = try SQLiteCatalog(path: path.path)
            #expect(try await reopened.appliedMigrations() == applied)
            #expect(try await reopened.counts().photos == 1)
            #expect(try await reopened.integrityCheck() == ["ok"])
        }
    }

    @Test func aFileThatIsNotADatabaseIsAReadableError() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("catalog.db")
        try Data(repeating: 0x41, count: 4096).write(to: path)
        #expect(throws: ViewfinderError.self) { _ = try SQLiteCatalog(path: path.path) }
    }
}
