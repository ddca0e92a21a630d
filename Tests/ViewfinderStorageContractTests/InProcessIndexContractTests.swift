import Foundation
import Testing
import ViewfinderCore

/// The in-process index over a real database sees writes made past it (as by another process) through the change log.
@Suite struct InProcessIndexContractTests {
    @Test(arguments: [Backend.sqliteInProcess, .mariadb10InProcess])
    func writesMadePastTheDecoratorAreSeen(_ backend: Backend) async throws {
        try await backend.withCatalog { scope in
            let direct = try #require(scope.direct)
            let library = try await SeededLibrary.seed(scope.catalog, count: 60)
            var generator = SeededGenerator(seed: 5)
            let query = generator.unitVector(library.dims)
            _ = try await scope.vectors.nearest(to: Embedding(model: SeededLibrary.model, vector: query), limit: 5)

            let file = LibraryFile(root: "/elsewhere", relativePath: "new.jpg", size: 10, modifiedAt: Date(timeIntervalSince1970: 1_700_000_000))
            try await direct.save([IndexedPhoto(
                file: file, contentHash: "new", width: 10, height: 10, embedding: Embedding(model: SeededLibrary.model, vector: query))])
            let added = try #require(try await direct.photo(root: "/elsewhere", relativePath: "new.jpg"))
            let top = try await scope.vectors.nearest(to: Embedding(model: SeededLibrary.model, vector: query), limit: 1)
            #expect(top.first?.photoID == added.id)
            #expect(abs((top.first?.similarity ?? 0) - 1) < 1e-5)

            try await direct.apply([.setFlags(photoID: added.id, favorite: false, archived: true)])
            let hidden = try await scope.vectors.nearest(to: Embedding(model: SeededLibrary.model, vector: query), limit: 1)
            #expect(hidden.first?.photoID != added.id)

            try await direct.apply([.deletePhoto(photoID: added.id)])
            let everything = try await scope.vectors.nearest(
                to: Embedding(model: SeededLibrary.model, vector: query), limit: 100, filter: .everything)
            #expect(everything.allSatisfy { $0.photoID != added.id })
        }
    }
}
