import Foundation
import Logging
import Testing
import ViewfinderCore
import ViewfinderServices
import ViewfinderTestSupport

/// Metadata, thumbnails and files that change while the indexer reads them, with every side effect faked.
struct IndexingMetadataTests {
    private struct Harness {
        let files = FakeFileSystem()
        let catalog = InMemoryPhotoCatalog()
        let embedder = FakeImageEmbedder()
        var thumbnails = FakeThumbnailStore()

        func indexer(metadata: Bool = true, thumbnails: Bool = false) -> IndexingService {
            IndexingService(
                fileSystem: files, decoder: FakeDecoder(fileSystem: files), embedder: embedder, catalog: catalog,
                metadataReader: metadata ? FakeMetadataReader(fileSystem: files) : nil,
                thumbnails: thumbnails ? self.thumbnails : nil,
                options: IndexingOptions(batchSize: 2, decodeConcurrency: 2), logger: Logger(label: "test"))
        }
    }

    @Test func metadataContentTypeAndOrientationAreStoredWithThePhoto() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        let report = try await h.indexer().index(root: h.files.root)
        #expect(report.embedded == 1)
        let photo = try #require(await h.catalog.photo(root: h.files.root, relativePath: "a.jpg"))
        #expect(photo.metadata.title == "red")
        #expect(photo.metadata.cameraMake == "Fake")
        #expect(photo.metadata.keywords == ["red"])
        #expect(photo.metadata.takenAtSource == .meta)
        #expect(photo.mimeType == "image/jpeg")
        #expect(photo.orientation == 6)
        #expect(photo.width == 10 && photo.height == 20)
    }

    @Test func unreadableMetadataDoesNotStopAPictureThatDecodes() async throws {
        let h = Harness()
        await h.files.put("nometa.jpg", "green")
        let report = try await h.indexer().index(root: h.files.root)
        #expect(report.embedded == 1)
        #expect(report.failures.isEmpty)
        let photo = try #require(await h.catalog.photo(root: h.files.root, relativePath: "nometa.jpg"))
        #expect(photo.metadata == PhotoMetadata())
        #expect(photo.status == .indexed)
    }

    @Test func metadataTheCatalogWouldRefuseIsDroppedNotTheBatch() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        await h.files.put("badgps.jpg", "blue")
        let report = try await h.indexer().index(root: h.files.root)
        #expect(report.embedded == 2)
        let photo = try #require(await h.catalog.photo(root: h.files.root, relativePath: "badgps.jpg"))
        #expect(photo.metadata == PhotoMetadata())
        #expect(await h.catalog.photo(root: h.files.root, relativePath: "a.jpg")?.metadata.title == "red")
    }

    @Test func aFileWrittenWhileItIsReadFailsAndIsRetriedNextRun() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        await h.files.put("busy.jpg", "blue")
        await h.files.changeWhileRead("busy.jpg")
        let first = try await h.indexer().index(root: h.files.root)
        #expect(first.embedded == 1)
        #expect(first.failures.map(\.file.relativePath) == ["busy.jpg"])
        #expect(first.failures.first?.reason == "busy.jpg: the file changed while it was being read; it will be retried on the next run")
        #expect(await h.catalog.counts().failed == 1)

        // The file now rests; its size and time differ from what was recorded, so it is tried again.
        let second = try await h.indexer().index(root: h.files.root)
        #expect(second.previouslyFailed == 0)
        #expect(second.failures.isEmpty)
        #expect(second.embedded == 1)
        #expect(await h.catalog.counts() == CatalogCounts(photos: 2, failed: 0, embedded: ["fake-rgb/3": 2]))
    }

    @Test func thumbnailsAreMadeWhileIndexingOnlyWhenConfiguredAndTheirFailureIsNotFatal() async throws {
        let lazy = Harness()
        await lazy.files.put("a.jpg", "red")
        _ = try await lazy.indexer(thumbnails: false).index(root: lazy.files.root)
        #expect(await lazy.thumbnails.prepared.isEmpty)

        let h = Harness(thumbnails: FakeThumbnailStore(failing: ["hash-green"]))
        await h.files.put("a.jpg", "red")
        await h.files.put("b.jpg", "green")
        await h.files.put("c.jpg", "garbage")
        let report = try await h.indexer(thumbnails: true).index(root: h.files.root)
        #expect(report.embedded == 2)
        #expect(report.failures.map(\.file.relativePath) == ["c.jpg"])
        #expect(await h.thumbnails.prepared == ["hash-red"])
    }
}
