public import ViewfinderCore
import Foundation  // String trimming only; no file I/O here

/// Answers ``SearchQuery``s: metadata filters, keyword text, and text or image similarity with the active model.
///
/// See docs/search.md for how text, `clip`, `clip_weight`, `min_score` and `order` combine.
public struct SearchService: Sendable {
    /// The catalog roles a search reads besides vector similarity.
    public typealias Store = PhotoReading & EmbeddingReading & KeywordSearching & AlbumStore

    /// Photos, stored embeddings, keywords and albums.
    let catalog: any Store
    /// Ranks by vector similarity.
    let vectors: any VectorSearching
    /// The counts behind the coverage notice.
    let coverage: CoverageTracker
    /// The active model's text tower; its model and dims define the vector space searched.
    let textEmbedder: (any TextEmbedding)?
    /// Decodes uploaded pictures (only for searches by image).
    let imageDecoder: (any ImageDecoding)?
    /// The active model's image tower (only for searches by image).
    let imageEmbedder: (any ImageEmbedding)?
    /// Thresholds, K and the semantic switch.
    let settings: SearchSettings
    /// Query-text embeddings already computed.
    let textCache: QueryEmbeddingCache

    /// Creates a search service for the model behind `textEmbedder`.
    public init(
        store: any Store, vectors: any VectorSearching, coverage: CoverageTracker, textEmbedder: (any TextEmbedding)?,
        imageDecoder: (any ImageDecoding)? = nil, imageEmbedder: (any ImageEmbedding)? = nil,
        settings: SearchSettings = SearchSettings()
    ) {
        self.catalog = store
        self.vectors = vectors
        self.coverage = coverage
        self.textEmbedder = textEmbedder
        self.imageDecoder = imageDecoder
        self.imageEmbedder = imageEmbedder
        self.settings = settings
        self.textCache = QueryEmbeddingCache(capacity: settings.textCacheCapacity)
    }

    /// Creates a search service over the roles of `catalog`, with a coverage tracker of its own.
    public init(
        catalog: Catalog, textEmbedder: (any TextEmbedding)?, imageDecoder: (any ImageDecoding)? = nil,
        imageEmbedder: (any ImageEmbedding)? = nil, settings: SearchSettings = SearchSettings()
    ) {
        self.init(
            store: catalog.store, vectors: catalog.vectors, coverage: CoverageTracker(statistics: catalog.store),
            textEmbedder: textEmbedder, imageDecoder: imageDecoder, imageEmbedder: imageEmbedder, settings: settings)
    }

    /// Answers `query`.
    public func search(_ query: SearchQuery) async throws(ViewfinderError) -> SearchPage {
        try await run(query, image: nil)
    }

    /// Answers `query` ranked by similarity to an uploaded picture (its encoded bytes).
    public func search(_ query: SearchQuery, imageData: [UInt8]) async throws(ViewfinderError) -> SearchPage {
        try requireSemantic("a search by image")
        guard !imageData.isEmpty else { throw ViewfinderError(.invalidInput, "the uploaded image is empty") }
        let embedding = try await embedImage(imageData)
        return try await run(query, image: embedding)
    }

    /// The `limit` photos most similar to `text`, best first (no threshold).
    public func search(text: String, limit: Int) async throws(ViewfinderError) -> [SearchResult] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ViewfinderError(.invalidInput, "the search text is empty") }
        guard limit > 0 else { throw ViewfinderError(.invalidInput, "limit must be at least 1") }
        return try await nearest(to: try await embedText(trimmed), limit: limit)
    }

    /// The `limit` photos whose stored vectors are nearest to `query`, best first.
    ///
    /// The catalog ranks: with native vector SQL on PostgreSQL and MariaDB 11.7+, with an exact scan elsewhere.
    public func nearest(
        to query: Embedding, limit: Int, filter: PhotoFilter = PhotoFilter()
    ) async throws(ViewfinderError) -> [SearchResult] {
        let matches = try await vectors.nearest(to: query, limit: limit, filter: filter)
        let photos = try await catalog.photos(ids: matches.map(\.photoID))
        let byID = Dictionary(uniqueKeysWithValues: photos.map { ($0.id, $0) })
        return matches.compactMap { match in
            byID[match.photoID].map { SearchResult(photo: $0, score: match.similarity, similarity: match.similarity) }
        }
    }

    /// Throws `.unavailable` when semantic search is switched off.
    func requireSemantic(_ what: String) throws(ViewfinderError) {
        guard settings.semanticSearchEnabled else {
            throw ViewfinderError(.unavailable, "semantic search is disabled; \(what) needs CLIP to be switched on")
        }
    }

    /// The embedding of a query text, from the cache when possible.
    func embedText(_ text: String) async throws(ViewfinderError) -> Embedding {
        guard let textEmbedder else {
            throw ViewfinderError(.unavailable, "semantic search is disabled; no text encoder is loaded")
        }
        if let cached = await textCache.embedding(model: textEmbedder.model, dims: textEmbedder.dims, text: text) {
            return cached
        }
        guard let embedding = try await textEmbedder.embed([text]).first else {
            throw ViewfinderError(.encodeFailed, "the text encoder returned no vector")
        }
        await textCache.store(embedding, text: text)
        return embedding
    }

    /// Decodes and embeds an uploaded picture with the active model.
    private func embedImage(_ bytes: [UInt8]) async throws(ViewfinderError) -> Embedding {
        guard let imageDecoder, let imageEmbedder else {
            throw ViewfinderError(.unavailable, "search by image is not available: no image encoder is loaded")
        }
        // Decoded from memory: the upload never touches the disk.
        let decoded = try await imageDecoder.decode(
            PictureBytes(name: "uploaded image", bytes: bytes), for: imageEmbedder.preprocessing)
        guard var embedding = try await imageEmbedder.embed([decoded.tensor]).first else {
            throw ViewfinderError(.encodeFailed, "the image encoder returned no vector")
        }
        if let textEmbedder, embedding.dims > textEmbedder.dims { embedding = embedding.truncated(to: textEmbedder.dims) }
        return embedding
    }
}
