public import ViewfinderCore
public import ViewfinderServices

/// Runs photo searches: metadata filters plus text or picture similarity (the search service).
public protocol PhotoSearching: Sendable {
    /// One page of photos for `query`.
    func search(_ query: SearchQuery) async throws(ViewfinderError) -> SearchPage
    /// One page of photos ranked by similarity to the picture in `imageData`, filtered by `query`.
    func search(_ query: SearchQuery, imageData: [UInt8]) async throws(ViewfinderError) -> SearchPage
}
