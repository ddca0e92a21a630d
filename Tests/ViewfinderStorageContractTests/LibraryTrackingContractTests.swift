import Foundation
import Testing
import ViewfinderCore
import ViewfinderTestSupport

/// The indexing worker's catalog operations, on every backend: listing, moving, missing, pruning.
@Suite struct LibraryTrackingContractTests {
    private func file(_ name: String, root: String = "/photos", size: Int64 = 10) -> LibraryFile {
        LibraryFile(root: root, relativePath: name, size: size, modifiedAt: Date(timeIntervalSince1970: 1_700_000_000.25))
    }

    private func indexed(_ name: String, hash: String, model: ModelID = "m") -> IndexedPhoto {
        IndexedPhoto(file: file(name), contentHash: hash, width: 1, height: 1, embedding: Embedding(model: model, vector: [0.6, 0.8]))
    }

    @Test(arguments: Backend.allCases)
    func entriesMovesMissingAndPrune(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let catalog = scope.catalog
            try await catalog.save([indexed("a.jpg", hash: "ha"), indexed("b.jpg", hash: "hb")])
            try await catalog.recordFailures([IndexFailure(file: file("bad.jpg"), contentHash: nil, reason: "broken")])
            let entries = try await catalog.libraryEntries(root: "/photos", model: "m", dims: 2)
                .sorted { $0.relativePath < $1.relativePath }
            #expect(entries.map(\.relativePath) == ["a.jpg", "b.jpg", "bad.jpg"])
            #expect(entries.map(\.embedded) == [true, true, false])
            #expect(entries.map(\.status) == [.indexed, .indexed, .failed])
            #expect(entries[0].contentHash == "ha" && entries[0].size == 10 && entries[0].missingSince == nil)
            #expect(entries[0].modifiedAt == Date(timeIntervalSince1970: 1_700_000_000.25))
            #expect(try await catalog.libraryEntries(root: "/photos", model: "other", dims: 2).allSatisfy { !$0.embedded })
            #expect(try await catalog.libraryEntries(root: "/elsewhere", model: "m", dims: 2).isEmpty)

            // Missing: hidden from search, counted, dated.
            let b = try #require(entries.first { $0.relativePath == "b.jpg" })
            let when = Date(timeIntervalSince1970: 1_750_000_000)
            try await catalog.markMissing(photoIDs: [b.photoID], at: when)
            #expect(try await catalog.counts().missing == 1)
            #expect(try await catalog.photoIDs(matching: PhotoFilter(), limit: 10).contains(b.photoID) == false)
            let missing = try #require(
                try await catalog.libraryEntries(root: "/photos", model: "m", dims: 2).first { $0.photoID == b.photoID })
            #expect(missing.status == .missing)
            #expect(abs((missing.missingSince?.timeIntervalSince1970 ?? 0) - when.timeIntervalSince1970) < 0.001)

            // A move to another root keeps the row and its embedding, and makes it present again.
            try await catalog.relocate(photoID: b.photoID, to: file("moved/b.jpg", root: "/other", size: 11))
            let moved = try #require(try await catalog.photo(root: "/other", relativePath: "moved/b.jpg"))
            #expect(moved.id == b.photoID && moved.status == .indexed && moved.size == 11)
            #expect(try await catalog.hasEmbedding(photoID: b.photoID, model: "m", dims: 2))
            #expect(try await catalog.photo(root: "/photos", relativePath: "b.jpg") == nil)
            #expect(try await catalog.counts().missing == 0)
            await #expect(throws: ViewfinderError.self) {
                try await catalog.relocate(photoID: 999_999, to: file("x.jpg"))
            }

            // Pictures stored without embeddings are indexed, keep their metadata and are queued for a model.
            try await catalog.recordFiles([FileRecord(
                file: file("plain.jpg"), contentHash: "hp", width: 30, height: 20, mimeType: "image/png", orientation: 1,
                metadata: PhotoMetadata(title: "Plain"))])
            let plain = try #require(try await catalog.photo(root: "/photos", relativePath: "plain.jpg"))
            #expect(plain.status == .indexed && plain.width == 30 && plain.metadata.title == "Plain")
            #expect(try await !catalog.hasEmbedding(photoID: plain.id, model: "m", dims: 2))

            // Prune keeps only the active model's vectors.
            try await catalog.save([indexed("a.jpg", hash: "ha", model: "n")])
            #expect(try await catalog.counts().embedded == ["m/2": 2, "n/2": 1])
            #expect(try await catalog.pruneEmbeddings(keeping: "n", dims: 2) == 2)
            #expect(try await catalog.counts().embedded == ["n/2": 1])
        }
    }
}
