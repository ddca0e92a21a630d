import Foundation
import Testing
import ViewfinderCore

/// Writes are atomic, concurrent writers lose nothing, and a failed transaction leaves committed data alone.
@Suite struct TransactionContractTests {
    private func indexed(_ index: Int, writer: Int = 0) -> IndexedPhoto {
        IndexedPhoto(
            file: LibraryFile(
                root: "/library/\(writer % 2)", relativePath: "w\(writer)/p\(index).jpg", size: Int64(index),
                modifiedAt: Date(timeIntervalSince1970: 1_000 + Double(index))),
            contentHash: "h\(writer)-\(index)", width: 10, height: 10,
            embedding: Embedding(model: "m", vector: [Float(writer + 1), Float(index + 1), 1]))
    }

    @Test(arguments: Backend.allCases)
    func aRolledBackTransactionLosesNothingAlreadyCommitted(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let catalog = scope.catalog
            try await catalog.save((0..<3).map { indexed($0) })
            let ids = try await catalog.photoIDs(matching: .everything, limit: 10)
            try #require(ids.count == 3)
            let before = try await catalog.photos(ids: ids).sorted { $0.id < $1.id }
            let vectorBefore = try await catalog.embedding(photoID: ids[0], model: "m", dims: 3)

            // Several valid changes run first inside the transaction; the last one fails, so all roll back.
            let error = await #expect(throws: ViewfinderError.self) {
                try await catalog.apply([
                    .putEmbedding(photoID: ids[0], Embedding(model: "m", vector: [9, 9, 9])),
                    .setFlags(photoID: ids[1], favorite: true, archived: true),
                    .setMetadata(photoID: ids[1], PhotoMetadata(title: "changed")),
                    .deletePhoto(photoID: ids[2]),
                    .setFlags(photoID: 987_654_321, favorite: true, archived: false),
                ])
            }
            #expect(error?.code == .notFound)
            #expect(try await catalog.photos(ids: ids).sorted { $0.id < $1.id } == before)
            #expect(try await catalog.embedding(photoID: ids[0], model: "m", dims: 3) == vectorBefore)
            #expect(try await catalog.counts() == CatalogCounts(photos: 3, failed: 0, embedded: ["m/3": 3]))

            // The catalog keeps working after the rollback.
            try await catalog.apply([.setFlags(photoID: ids[1], favorite: true, archived: false)])
            #expect(try await catalog.photos(ids: [ids[1]]).first?.favorite == true)
        }
    }

    @Test(arguments: Backend.allCases)
    func anIndexingBatchCommitsItsPhotosAndFailuresTogether(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let catalog = scope.catalog
            let failure = IndexFailure(file: indexed(9).file, contentHash: nil, reason: "not an image")
            // A refused batch (a NaN vector) stores neither its photos nor its failures.
            var broken = indexed(1)
            broken = IndexedPhoto(
                file: broken.file, contentHash: broken.contentHash, width: 10, height: 10,
                embedding: Embedding(model: "m", vector: [.nan, 1, 1]))
            await #expect(throws: ViewfinderError.self) {
                try await catalog.save([indexed(0), broken], failures: [failure])
            }
            #expect(try await catalog.counts() == CatalogCounts(photos: 0, failed: 0, embedded: [:]))

            try await catalog.save([indexed(0), indexed(1)], failures: [failure])
            #expect(try await catalog.counts() == CatalogCounts(photos: 3, failed: 1, embedded: ["m/3": 2]))
        }
    }

    @Test(arguments: Backend.allCases)
    func concurrentWritersLoseNothingAndDuplicateNothing(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let catalog = scope.catalog
            let writers = 6
            let perWriter = 30
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        for start in stride(from: 0, to: perWriter, by: 5) {
                            try await catalog.save((start..<start + 5).map { self.indexed($0, writer: writer) })
                        }
                        // Every writer also rewrites a photo another writer owns: upserts must not duplicate.
                        try await catalog.save([self.indexed(0, writer: (writer + 1) % writers)])
                    }
                }
                try await group.waitForAll()
            }
            let counts = try await catalog.counts()
            #expect(counts == CatalogCounts(photos: writers * perWriter, failed: 0, embedded: ["m/3": writers * perWriter]))
            let ids = try await catalog.photoIDs(matching: .everything, limit: 10_000)
            let photos = try await catalog.photos(ids: ids)
            #expect(Set(photos.map(\.uid)).count == photos.count)
            #expect(Set(photos.map { $0.libraryRoot + $0.relativePath }).count == writers * perWriter)
        }
    }
}
