public import ViewfinderCore
import Foundation

/// Ranks catalog photos by similarity to a text or a picture, with the active model only.
public struct SearchService: Sendable {
    private let catalog: any PhotoCatalog
    private let textEmbedder: any TextEmbedding

    /// Creates a search service for the model behind `textEmbedder`.
    public init(catalog: any PhotoCatalog, textEmbedder: any TextEmbedding) {
        self.catalog = catalog
        self.textEmbedder = textEmbedder
    }

    /// The `limit` photos most similar to `text`, best first.
    public func search(text: String, limit: Int) async throws(ViewfinderError) -> [SearchResult] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ViewfinderError(.invalidInput, "the search text is empty") }
        guard limit > 0 else { throw ViewfinderError(.invalidInput, "limit must be at least 1") }
        let embeddings = try await textEmbedder.embed([trimmed])
        guard let query = embeddings.first else {
            throw ViewfinderError(.encodeFailed, "the text encoder returned no vector")
        }
        return try await nearest(to: query, limit: limit)
    }

    /// The `limit` photos whose stored vectors are nearest to `query`, best first.
    ///
    /// The catalog ranks: with native vector SQL on PostgreSQL and MariaDB 11.7+, with an exact scan elsewhere.
    public func nearest(
        to query: Embedding, limit: Int, filter: PhotoFilter = PhotoFilter()
    ) async throws(ViewfinderError) -> [SearchResult] {
        let matches = try await catalog.nearest(to: query, limit: limit, filter: filter)
        let photos = try await catalog.photos(ids: matches.map(\.photoID))
        let byID = Dictionary(uniqueKeysWithValues: photos.map { ($0.id, $0) })
        return matches.compactMap { match in byID[match.photoID].map { SearchResult(photo: $0, score: match.similarity) } }
    }
}
