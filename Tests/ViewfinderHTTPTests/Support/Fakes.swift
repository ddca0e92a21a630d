import HTTPTypes
import Foundation
import ViewfinderCore
import ViewfinderHTTP
import ViewfinderServices
import ViewfinderTestSupport

/// Search that returns the catalog's photos unranked.
struct FakeSearch: PhotoSearching {
    let catalog: InMemoryPhotoCatalog

    func search(_ query: SearchQuery) async throws(ViewfinderError) -> SearchPage {
        let ids = try await catalog.photoIDs(matching: query.filter, limit: query.count)
        let photos = try await catalog.photos(ids: ids)
        return SearchPage(results: photos.map { SearchResult(photo: $0, score: 0) }, count: query.count, offset: query.offset, semantic: false)
    }

    func search(_ query: SearchQuery, imageData: [UInt8]) async throws(ViewfinderError) -> SearchPage {
        throw ViewfinderError(.modelNotInstalled, "the model fake is not installed in /tmp/secret/models")
    }
}

/// A thumbnail store with nothing cached.
struct FakeThumbnails: ThumbnailStore {
    var format: ThumbnailFormat { .jpeg }
    func cachedThumbnail(for contentHash: String, size: ThumbnailSize) async throws(ViewfinderError) -> URL? { nil }
    func thumbnail(for contentHash: String, size: ThumbnailSize, source: URL) async throws(ViewfinderError) -> URL {
        throw ViewfinderError(.notFound, "no thumbnail")
    }
    func prepareThumbnails(for contentHash: String, source: URL) async throws(ViewfinderError) {}
    func prepareThumbnails(for contentHash: String, from picture: PictureBytes) async throws(ViewfinderError) {}
}

/// An indexing worker that never runs.
struct FakeIndexing: IndexingControl {
    func start(rescan: Bool, retryFailed: Bool) async -> Bool { false }
    func cancel() async {}
    func status() async -> IndexingStatus { IndexingStatus() }
}

/// One installed model.
struct FakeModels: ModelReporting {
    func models() async -> ModelsOverview {
        ModelsOverview(active: "fake", activeDims: 2, semanticSearch: false, installed: [.init(name: "fake", dims: 2)])
    }
}

/// No duplicates.
struct FakeDuplicates: DuplicateFinding {
    func duplicateGroups(limit: Int) async throws(ViewfinderError) -> [[Photo]] { [] }
}

/// API dependencies made of fakes over an in-memory catalog.
func fakeDependencies() -> APIDependencies {
    let catalog = InMemoryPhotoCatalog()
    return APIDependencies(
        catalog: Catalog(store: catalog), search: FakeSearch(catalog: catalog), thumbnails: FakeThumbnails(), indexing: FakeIndexing(),
        models: FakeModels(), duplicates: FakeDuplicates(),
        parseQuery: { (items) throws(ViewfinderError) in try SearchQuery.parse(items) }, version: "fake")
}
