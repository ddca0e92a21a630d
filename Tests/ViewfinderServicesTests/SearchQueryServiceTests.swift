import Foundation
import Testing
import ViewfinderCore
import ViewfinderServices
import ViewfinderTestSupport

/// `SearchService.search(_:)`: thresholds, hybrid scores, orders, paging, `similar`, images and notices.
struct SearchQueryServiceTests {
    /// Counts text embeddings (to see the cache work); colour words map to RGB axes.
    actor CountingTextEmbedder: TextEmbedding {
        nonisolated let model: ModelID = "fake-rgb"
        nonisolated let dims = 3
        private(set) var calls = 0

        func embed(_ texts: [String]) -> [Embedding] {
            calls += texts.count
            return texts.map { text in
                Embedding(model: model, vector: text == "red" ? [1, 0, 0] : text == "green" ? [0, 1, 0] : [0, 0, 1])
            }
        }
    }

    /// Decodes a temporary file whose bytes spell a colour.
    struct BytesDecoder: ImageDecoding {
        func decode(_ file: URL, for spec: PreprocessSpec) async throws(ViewfinderError) -> DecodedImage {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            return Self.image(text)
        }

        func decode(_ picture: PictureBytes, for spec: PreprocessSpec) async throws(ViewfinderError) -> DecodedImage {
            Self.image(String(decoding: picture.bytes, as: UTF8.self))
        }

        private static func image(_ text: String) -> DecodedImage {
            let rgb: [Float] = text == "green" ? [0, 1, 0] : text == "red" ? [1, 0, 0] : [0, 0, 1]
            return DecodedImage(tensor: ImageTensor(size: 1, values: rgb), width: 1, height: 1)
        }
    }

    struct RGBEmbedder: ImageEmbedding {
        let model: ModelID = "fake-rgb"
        let dims = 3
        let preprocessing = PreprocessSpec(imageSize: 1, mean: [0, 0, 0], std: [1, 1, 1])
        func embed(_ images: [ImageTensor]) -> [Embedding] {
            images.map { Embedding(model: model, vector: $0.values).normalized() }
        }
    }

    private static func day(_ year: Int, _ month: Int) -> Date { UTCCalendar.date(year: year, month: month, day: 1) ?? Date() }

    /// red-2021 [1,0,0], red-2022 ≈ red, green-2020, blue-2023, reddish-2019 (0.707 with red).
    private func library() async throws -> (InMemoryPhotoCatalog, [String: Photo]) {
        let catalog = InMemoryPhotoCatalog()
        let rows: [(String, [Float], Date, String, [String])] = [
            ("red-2021.jpg", [1, 0, 0], Self.day(2021, 5), "Canon", ["car"]),
            ("red-2022.jpg", [0.9, 0.1, 0], Self.day(2022, 3), "Nikon", []),
            ("green-2020.jpg", [0, 1, 0], Self.day(2020, 7), "Canon", ["car"]),
            ("blue-2023.jpg", [0, 0, 1], Self.day(2023, 1), "Canon", []),
            ("reddish-2019.jpg", [0.7, 0.7, 0], Self.day(2019, 9), "Canon", []),
        ]
        try await catalog.save(rows.map { path, vector, taken, camera, keywords in
            IndexedPhoto(
                file: LibraryFile(root: "/l", relativePath: path, size: 1, modifiedAt: taken), contentHash: path,
                width: 40, height: 30, embedding: Embedding(model: "fake-rgb", vector: vector).normalized(),
                mimeType: "image/jpeg", metadata: PhotoMetadata(takenAt: taken, cameraMake: camera, keywords: keywords))
        })
        var byPath: [String: Photo] = [:]
        for (path, _, _, _, _) in rows { byPath[path] = await catalog.photo(root: "/l", relativePath: path) }
        return (catalog, byPath)
    }

    private func service(
        _ catalog: any PhotoCatalog, enabled: Bool = true, embedder: (any TextEmbedding)? = nil
    ) -> SearchService {
        SearchService(
            catalog: Catalog(store: catalog), textEmbedder: embedder ?? CountingTextEmbedder(), imageDecoder: BytesDecoder(),
            imageEmbedder: RGBEmbedder(), settings: SearchSettings(semanticSearchEnabled: enabled, defaultMinScore: 0.5))
    }

    private func paths(_ page: SearchPage) -> [String] { page.results.map(\.photo.relativePath) }

    private func query(_ items: [(String, String)]) throws -> SearchQuery {
        try SearchQuery.parse(items.map { (name: $0.0, value: $0.1) })
    }

    @Test func clipRanksAboveTheModelThreshold() async throws {
        let (catalog, _) = try await library()
        let page = try await service(catalog).search(try query([("clip", "red")]))
        #expect(paths(page) == ["red-2021.jpg", "red-2022.jpg", "reddish-2019.jpg"])
        #expect(page.semantic && page.minScore == 0.5 && page.notices.isEmpty)
        #expect(page.results.first?.similarity == 1)
    }

    @Test func freeTextIsTheSemanticQueryAndFiltersApply() async throws {
        let (catalog, _) = try await library()
        let page = try await service(catalog).search(try query([("q", "red camera:canon")]))
        #expect(paths(page) == ["red-2021.jpg", "reddish-2019.jpg"])
    }

    @Test func nothingAboveTheThresholdSaysSoInsteadOfJunk() async throws {
        let (catalog, _) = try await library()
        let page = try await service(catalog).search(try query([("clip", "red"), ("year", "2023")]))
        #expect(page.results.isEmpty)
        #expect(page.notices == [SearchService.noGoodMatchNotice])
        let strict = try await service(catalog).search(try query([("clip", "red"), ("min_score", "0.999")]))
        #expect(paths(strict) == ["red-2021.jpg"])
    }

    @Test func dateOrderSortsTheRelevantSet() async throws {
        let (catalog, _) = try await library()
        let page = try await service(catalog).search(try query([("clip", "red"), ("order", "newest")]))
        #expect(paths(page) == ["red-2022.jpg", "red-2021.jpg", "reddish-2019.jpg"])
        let oldest = try await service(catalog).search(try query([("clip", "red"), ("order", "oldest")]))
        #expect(paths(oldest) == ["reddish-2019.jpg", "red-2021.jpg", "red-2022.jpg"])
    }

    @Test func pagingIsStable() async throws {
        let (catalog, _) = try await library()
        let search = service(catalog)
        var seen: [String] = []
        for offset in 0..<3 {
            seen += paths(try await search.search(try query([("clip", "red"), ("count", "1"), ("offset", "\(offset)")])))
        }
        #expect(seen == ["red-2021.jpg", "red-2022.jpg", "reddish-2019.jpg"])
    }

    @Test func similarFindsNeighboursWithoutItself() async throws {
        let (catalog, photos) = try await library()
        let uid = try #require(photos["red-2021.jpg"]?.uid)
        let page = try await service(catalog).search(try query([("similar", uid)]))
        #expect(paths(page) == ["red-2022.jpg", "reddish-2019.jpg"])
        await #expect(throws: ViewfinderError.self) { _ = try await service(catalog).search(try query([("similar", "nosuchuid")])) }
    }

    @Test func hybridWeightMixesKeywordRelevance() async throws {
        let (catalog, _) = try await library()
        let page = try await service(catalog).search(try query([("clip", "red"), ("q", "car"), ("clip_weight", "0.5")]))
        #expect(paths(page) == ["red-2021.jpg", "green-2020.jpg", "red-2022.jpg", "reddish-2019.jpg"])
        #expect(page.results.first?.score == 1)
        let keywordOnly = try await service(catalog).search(try query([("q", "car"), ("clip_weight", "0")]))
        #expect(paths(keywordOnly) == ["red-2021.jpg", "green-2020.jpg"])
        #expect(!keywordOnly.semantic)
    }

    @Test func clipWithTextRequiresTheWords() async throws {
        let (catalog, _) = try await library()
        let page = try await service(catalog).search(try query([("clip", "red"), ("q", "car")]))
        #expect(paths(page) == ["red-2021.jpg"])
    }

    @Test func anUploadedImageIsTheQuery() async throws {
        let (catalog, _) = try await library()
        let page = try await service(catalog).search(try query([]), imageData: Array("green".utf8))
        #expect(paths(page) == ["green-2020.jpg", "reddish-2019.jpg"])
    }

    @Test func disabledSemanticSearchRefusesSemanticFieldsOnly() async throws {
        let (catalog, _) = try await library()
        let off = service(catalog, enabled: false)
        for items in [[("clip", "red")], [("similar", "x")], [("min_score", "0.3")]] {
            do {
                _ = try await off.search(try query(items))
                Issue.record("\(items) was accepted")
            } catch let error as ViewfinderError {
                #expect(error.code == .unavailable)
                #expect(error.message.contains("semantic search is disabled"))
            }
        }
        await #expect(throws: ViewfinderError.self) { _ = try await off.search(try query([]), imageData: [1]) }
        let filters = try query([("camera", "canon"), ("year", "2019|2021|2023")])
        let withoutClip = try await service(catalog).search(filters)
        #expect(paths(try await off.search(filters)) == paths(withoutClip))
        #expect(paths(withoutClip) == ["blue-2023.jpg", "red-2021.jpg", "reddish-2019.jpg"])
        #expect(paths(try await off.search(try query([("q", "car")]))) == ["red-2021.jpg", "green-2020.jpg"])
    }

    @Test func semanticOnlyFieldsWithoutAnythingToRankByAreRefused() async throws {
        let (catalog, _) = try await library()
        for items in [[("min_score", "0.3"), ("year", "2021")], [("clip_weight", "0.5")]] {
            do {
                _ = try await service(catalog).search(try query(items))
                Issue.record("\(items) was accepted")
            } catch let error as ViewfinderError {
                #expect(error.code == .invalidInput)
                #expect(error.message.contains(items[0].0), "\(error.message)")
            }
        }
    }

    @Test func coverageNoticeWhenSomePhotosLackTheModel() async throws {
        let (catalog, _) = try await library()
        try await catalog.save([IndexedPhoto(
            file: LibraryFile(root: "/l", relativePath: "other.jpg", size: 1, modifiedAt: Date()), contentHash: "o",
            width: 1, height: 1, embedding: Embedding(model: "other", vector: [1, 0]))])
        let page = try await service(catalog).search(try query([("clip", "red")]))
        #expect(page.notices == ["83% of photos embedded with the active model"])
    }

    @Test func queryTextEmbeddingsAreCached() async throws {
        let (catalog, _) = try await library()
        let embedder = CountingTextEmbedder()
        let search = service(catalog, embedder: embedder)
        _ = try await search.search(try query([("clip", "red")]))
        _ = try await search.search(try query([("clip", "red"), ("year", "2021")]))
        #expect(await embedder.calls == 1)
    }

    @Test func albumsResolveByTitleOrUid() async throws {
        let (catalog, photos) = try await library()
        let album = try await catalog.createAlbum(title: "Trip", description: nil)
        let id = try #require(photos["reddish-2019.jpg"]?.id)
        try await catalog.apply([.addToAlbum(albumID: album.id, photoID: id)])
        #expect(paths(try await service(catalog).search(try query([("clip", "red"), ("album", "trip")]))) == ["reddish-2019.jpg"])
        #expect(paths(try await service(catalog).search(try query([("album", album.uid)]))) == ["reddish-2019.jpg"])
        await #expect(throws: ViewfinderError.self) { _ = try await service(catalog).search(try query([("album", "nope")])) }
    }
}
