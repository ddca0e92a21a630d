import ViewfinderCore

extension SearchService {
    /// The id of the album whose uid is `album`, or whose title equals it (ignoring case).
    func resolveAlbum(_ album: String) async throws(ViewfinderError) -> Int64 {
        let albums = try await catalog.albums()
        if let match = albums.first(where: { $0.uid == album })
            ?? albums.first(where: { $0.title.lowercased() == album.lowercased() })
        {
            return match.id
        }
        throw ViewfinderError(.notFound, "album: no album has the uid or title '\(album)'")
    }

    /// The stored embedding (active model and dims) of the photo with `uid`, and the photo's id.
    func similarEmbedding(uid: String) async throws(ViewfinderError) -> (Embedding, Int64) {
        guard let textEmbedder else { throw ViewfinderError(.unavailable, "semantic search is disabled") }
        guard let photo = try await catalog.photo(uid: uid) else {
            throw ViewfinderError(.notFound, "similar: no photo has the uid '\(uid)'")
        }
        guard let embedding = try await catalog.embedding(photoID: photo.id, model: textEmbedder.model, dims: textEmbedder.dims)
        else {
            throw ViewfinderError(
                .notFound, "similar: photo '\(uid)' has no embedding with \(textEmbedder.model) yet; index it first")
        }
        return (embedding, photo.id)
    }

    /// "62% of photos embedded with the active model" when coverage is incomplete.
    func coverageNotices(_ vector: Embedding) async throws(ViewfinderError) -> [String] {
        let counts = try await coverage.counts()
        let candidates = counts.photos - counts.failed
        guard candidates > 0 else { return [] }
        let embedded = counts.embedded["\(vector.model)/\(vector.dims)"] ?? 0
        if embedded == 0 { return ["no photos are embedded with the active model (\(vector.model)) yet"] }
        guard embedded < candidates else { return [] }
        let percent = Int((Double(embedded) / Double(candidates) * 100).rounded(.down))
        return ["\(percent)% of photos embedded with the active model"]
    }

    /// One page of photos matching `filter`, in `order`.
    func orderedPhotos(
        matching filter: PhotoFilter, order: SearchOrder, limit: Int, offset: Int
    ) async throws(ViewfinderError) -> [Photo] {
        let ids = try await catalog.photoIDs(matching: filter, order: order, limit: limit, offset: offset)
        guard !ids.isEmpty else { return [] }
        let byID = Dictionary(uniqueKeysWithValues: try await catalog.photos(ids: ids).map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }
}
