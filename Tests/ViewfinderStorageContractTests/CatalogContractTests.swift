import Foundation
import Testing
import ViewfinderCore
import ViewfinderTestSupport

/// One contract, every backend: SQLite, PostgreSQL, MariaDB 10.11, MariaDB 11.8 and the in-memory fake.
@Suite struct CatalogContractTests {
    private func file(_ name: String, size: Int64 = 10) -> LibraryFile {
        LibraryFile(root: "/photos", relativePath: name, size: size, modifiedAt: Date(timeIntervalSince1970: 1_700_000_000.25))
    }

    @Test(arguments: Backend.databases)
    func migrationsAreRecordedAndRunningThemAgainIsANoOp(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let applied = try await scope.appliedMigrations()
            #expect(!applied.isEmpty)
            try await scope.catalog.save([IndexedPhoto(
                file: file("a.jpg"), contentHash: "h", width: 1, height: 1, embedding: Embedding(model: "m", vector: [1, 0]))])
            #expect(try await scope.reopen() == applied)
            #expect(try await scope.reopen() == applied)
            #expect(try await scope.catalog.counts() == CatalogCounts(photos: 1, failed: 0, embedded: ["m/2": 1]))
            #expect(try await scope.catalog.capabilities().schemaVersion == applied.last)
        }
    }

    @Test(arguments: Backend.allCases)
    func photosAreCreatedReadUpdatedAndDeleted(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let catalog = scope.catalog
            let metadata = PhotoMetadata(
                takenAt: Date(timeIntervalSince1970: 1_625_000_000.5), takenAtLocal: Date(timeIntervalSince1970: 1_625_007_200.5),
                takenAtSource: .meta, cameraMake: "Canon", cameraModel: "EOS R5", lens: "RF 24-70mm F2.8", iso: 400,
                fNumber: 2.8, exposure: "1/250", focalLength: 50, latitude: 47.376888, longitude: 8.541694,
                altitude: 408.25, title: "Zürich lake", description: "Swans on the lake", keywords: ["lake", "swans"])
            try await catalog.save([IndexedPhoto(
                file: file("2021/lake.jpg"), contentHash: "h1", width: 640, height: 480,
                embedding: Embedding(model: "m", vector: [0.6, 0.8]), mimeType: "image/jpeg", orientation: 6,
                metadata: metadata)])
            let photo = try #require(try await catalog.photo(root: "/photos", relativePath: "2021/lake.jpg"))
            #expect(PhotoUID.isValid(photo.uid))
            #expect(photo.width == 640 && photo.height == 480 && photo.contentHash == "h1" && photo.size == 10)
            #expect(photo.modifiedAt == Date(timeIntervalSince1970: 1_700_000_000.25))
            #expect(photo.mimeType == "image/jpeg" && photo.orientation == 6)
            #expect(photo.metadata == metadata)
            #expect(photo.status == .indexed && photo.attempts == 0 && !photo.favorite && !photo.archived)
            #expect(try await catalog.photo(uid: photo.uid)?.id == photo.id)
            #expect(try await catalog.photo(uid: "pdoesnotexist000") == nil)
            #expect(try await catalog.photo(contentHash: "h1")?.id == photo.id)
            #expect(try await catalog.photo(contentHash: "nothing") == nil)

            // Re-saving the same path updates in place and keeps uid and metadata.
            try await catalog.save([IndexedPhoto(
                file: file("2021/lake.jpg", size: 20), contentHash: "h2", width: 641, height: 481,
                embedding: Embedding(model: "m", vector: [0.8, 0.6]))])
            let resaved = try #require(try await catalog.photo(root: "/photos", relativePath: "2021/lake.jpg"))
            #expect(resaved.id == photo.id && resaved.uid == photo.uid)
            #expect(resaved.contentHash == "h2" && resaved.size == 20 && resaved.width == 641)
            #expect(resaved.metadata == metadata && resaved.mimeType == "image/jpeg")
            #expect(try await catalog.photo(contentHash: "h1") == nil)
            #expect(try await catalog.photo(contentHash: "h2")?.id == photo.id)

            var edited = metadata
            edited.title = "Lake Zurich"
            edited.keywords = []
            edited.latitude = nil
            edited.longitude = nil
            try await catalog.apply([.setMetadata(photoID: photo.id, edited), .setFlags(photoID: photo.id, favorite: true, archived: true)])
            let updated = try #require(try await catalog.photos(ids: [photo.id]).first)
            #expect(updated.metadata == edited && updated.favorite && updated.archived)

            try await catalog.touch(photoID: photo.id, size: 30, modifiedAt: Date(timeIntervalSince1970: 1_800_000_000.75))
            let touched = try #require(try await catalog.photo(uid: photo.uid))
            #expect(touched.size == 30 && touched.modifiedAt == Date(timeIntervalSince1970: 1_800_000_000.75))

            try await catalog.recordFailures([IndexFailure(file: file("bad.jpg"), contentHash: nil, reason: "not an image")])
            try await catalog.recordFailures([IndexFailure(file: file("bad.jpg"), contentHash: nil, reason: "still not an image")])
            let failed = try #require(try await catalog.photo(root: "/photos", relativePath: "bad.jpg"))
            #expect(failed.status == .failed && failed.errorReason == "still not an image" && failed.attempts == 2)
            #expect(try await catalog.counts() == CatalogCounts(photos: 2, failed: 1, embedded: ["m/2": 1]))

            try await catalog.apply([.deletePhoto(photoID: photo.id)])
            #expect(try await catalog.photo(uid: photo.uid) == nil)
            #expect(try await catalog.embedding(photoID: photo.id, model: "m", dims: 2) == nil)
            #expect(try await catalog.counts() == CatalogCounts(photos: 1, failed: 1, embedded: [:]))
        }
    }

    @Test(arguments: Backend.allCases)
    func badValuesAreRefusedWithAClearErrorAndNothingIsWritten(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let catalog = scope.catalog
            let good = IndexedPhoto(file: file("good.jpg"), contentHash: "h", width: 1, height: 1, embedding: Embedding(model: "m", vector: [1, 0]))
            let notANumber = IndexedPhoto(
                file: file("nan.jpg"), contentHash: "h", width: 1, height: 1, embedding: Embedding(model: "m", vector: [.nan, 0]))
            await #expect(throws: ViewfinderError.self) { try await catalog.save([good, notANumber]) }
            var badPlace = PhotoMetadata()
            badPlace.latitude = 123
            let error = await #expect(throws: ViewfinderError.self) {
                try await catalog.save([IndexedPhoto(
                    file: file("far.jpg"), contentHash: "h", width: 1, height: 1,
                    embedding: Embedding(model: "m", vector: [1, 0]), metadata: badPlace)])
            }
            #expect(error?.code == .invalidInput && error?.message.contains("latitude") == true)
            let photoCount = try await catalog.counts().photos
            #expect(photoCount == 0)
            await #expect(throws: ViewfinderError.self) { _ = try await catalog.createAlbum(title: "  ", description: nil) }
        }
    }

    @Test(arguments: Backend.allCases)
    func albumsHoldPhotosAndFilterSearches(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let catalog = scope.catalog
            try await catalog.save((0..<4).map { index in
                IndexedPhoto(
                    file: file("p\(index).jpg"), contentHash: "h\(index)", width: 1, height: 1,
                    embedding: Embedding(model: "m", vector: [Float(index + 1), 1]))
            })
            let ids = try await catalog.photoIDs(matching: .everything, limit: 10)
            let album = try await catalog.createAlbum(title: "Trip", description: "2021")
            #expect(album.uid.hasPrefix("a") && album.uid.count == 16 && album.photoCount == 0)
            try await catalog.apply([
                .addToAlbum(albumID: album.id, photoID: ids[0]), .addToAlbum(albumID: album.id, photoID: ids[2]),
                .addToAlbum(albumID: album.id, photoID: ids[2]),
            ])
            let listed = try #require(try await catalog.albums().first)
            #expect(listed.id == album.id && listed.title == "Trip" && listed.description == "2021" && listed.photoCount == 2)
            #expect(try await catalog.photoIDs(matching: PhotoFilter(albumID: album.id), limit: 10) == [ids[0], ids[2]])
            let near = try await scope.vectors.nearest(to: Embedding(model: "m", vector: [1, 1]), limit: 5, filter: PhotoFilter(albumID: album.id))
            #expect(near.map(\.photoID) == [ids[0], ids[2]])
            try await catalog.apply([.removeFromAlbum(albumID: album.id, photoID: ids[0])])
            #expect(try await catalog.photoIDs(matching: PhotoFilter(albumID: album.id), limit: 10) == [ids[2]])
            await #expect(throws: ViewfinderError.self) { try await catalog.apply([.addToAlbum(albumID: 999_999, photoID: ids[1])]) }
            try await catalog.renameAlbum(id: album.id, title: "  Holiday ")
            #expect(try await catalog.albums().first?.title == "Holiday")
            await #expect(throws: ViewfinderError.self) { try await catalog.renameAlbum(id: album.id, title: " ") }
            await #expect(throws: ViewfinderError.self) { try await catalog.renameAlbum(id: 999_999, title: "X") }
            try await catalog.deleteAlbum(id: album.id)
            #expect(try await catalog.albums().isEmpty)
            #expect(try await catalog.photoIDs(matching: .everything, limit: 10).count == 4)
            await #expect(throws: ViewfinderError.self) { try await catalog.deleteAlbum(id: album.id) }
        }
    }
}
