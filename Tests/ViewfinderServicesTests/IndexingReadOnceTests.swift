import Foundation
import Logging
import Testing
import ViewfinderCore
import ViewfinderServices
import ViewfinderTestSupport

/// Each picture is read from the file system once per indexing pass; decoding, metadata and thumbnails all
/// work on those bytes (counted through the fake file system).
struct IndexingReadOnceTests {
    private struct Harness {
        let files = FakeFileSystem()
        let catalog = InMemoryPhotoCatalog()
        let thumbnails = FakeThumbnailStore()

        func indexer() -> IndexingService {
            IndexingService(
                fileSystem: files, decoder: FakeDecoder(fileSystem: files), embedder: FakeImageEmbedder(), catalog: catalog,
                metadataReader: FakeMetadataReader(fileSystem: files), thumbnails: thumbnails,
                options: IndexingOptions(batchSize: 2, decodeConcurrency: 2), logger: Logger(label: "test"))
        }

        /// Every way the fakes can open a file: whole reads per path, hashes, lookups by path.
        func opens() async -> (reads: [String: Int], hashes: Int, byPath: Int) {
            (await files.reads, await files.hashCalls, await files.pathLookups)
        }
    }

    @Test func eachPictureIsReadOnceWithMetadataAndThumbnailsOn() async throws {
        let h = Harness()
        for (path, colour) in [("a.jpg", "red"), ("b.jpg", "green"), ("c.jpg", "blue"), ("broken.jpg", "garbage")] {
            await h.files.put(path, colour)
        }
        let report = try await h.indexer().index(root: h.files.root)
        #expect(report.embedded == 3)
        #expect(report.failures.map(\.file.relativePath) == ["broken.jpg"])
        let opens = await h.opens()
        #expect(opens.reads == ["a.jpg": 1, "b.jpg": 1, "c.jpg": 1, "broken.jpg": 1])
        #expect(opens.hashes == 0 && opens.byPath == 0)
        #expect(await h.thumbnails.prepared.sorted() == ["hash-blue", "hash-green", "hash-red"])
        let photo = try #require(await h.catalog.photo(root: h.files.root, relativePath: "b.jpg"))
        #expect(photo.metadata.title == "green" && photo.contentHash == "hash-green")
    }

    @Test func aChangedPictureIsReadOnceAndUnchangedOnesNotAtAll() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        await h.files.put("b.jpg", "green")
        _ = try await h.indexer().index(root: h.files.root)
        await h.files.put("b.jpg", "blue", modifiedAt: Date(timeIntervalSince1970: 2_000))
        let again = try await h.indexer().index(root: h.files.root)
        #expect(again.embedded == 1 && again.unchanged == 1)
        let opens = await h.opens()
        #expect(opens.reads == ["a.jpg": 1, "b.jpg": 2])
        // The read that decodes a file whose time moved also tells a touch from an edit: no hash beforehand.
        #expect(opens.hashes == 0 && opens.byPath == 0)
    }

    @Test func aTouchedPictureIsReadOnceAndKeepsItsEmbedding() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        _ = try await h.indexer().index(root: h.files.root)
        await h.files.put("a.jpg", "red", modifiedAt: Date(timeIntervalSince1970: 5_000))
        let again = try await h.indexer().index(root: h.files.root)
        #expect(again.embedded == 0 && again.unchanged == 1 && again.failures.isEmpty)
        let opens = await h.opens()
        #expect(opens.reads == ["a.jpg": 2], "one read per pass")
        #expect(opens.hashes == 0)
        let photo = try #require(await h.catalog.photo(root: h.files.root, relativePath: "a.jpg"))
        #expect(photo.modifiedAt == Date(timeIntervalSince1970: 5_000))
    }

    @Test func recordingWithoutEmbeddingReadsEachPictureOnce() async throws {
        let h = Harness()
        await h.files.put("a.jpg", "red")
        await h.files.put("b.jpg", "green")
        let report = try await h.indexer().index(roots: [h.files.root], run: IndexingRun(embed: false))
        #expect(report.recorded == 2)
        let opens = await h.opens()
        #expect(opens.reads == ["a.jpg": 1, "b.jpg": 1])
        #expect(opens.hashes == 0 && opens.byPath == 0)
    }
}
