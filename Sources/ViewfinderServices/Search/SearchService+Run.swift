public import ViewfinderCore

extension SearchService {
    /// The sentence returned when a semantic query has candidates but none reaches the threshold.
    public static let noGoodMatchNotice = "no photo matches well enough"

    /// Plans and runs one query; `image` is the embedding of an uploaded picture, if any.
    func run(_ query: SearchQuery, image: Embedding?) async throws(ViewfinderError) -> SearchPage {
        var filter = query.filter
        if let album = query.album { filter.albumID = try await resolveAlbum(album) }
        let weight = query.clipWeight ?? 1
        let text = query.text
        let explicitSemantic = image != nil || query.clip != nil || query.similar != nil
        if explicitSemantic || query.minScore != nil || (query.clipWeight ?? 0) > 0 {
            try requireSemantic("clip, similar, min_score, clip_weight and image queries")
        }
        // Which vector ranks, and which text (if any) adds keyword relevance or must occur.
        var vector: Embedding?
        var exclude: Int64?
        var keywordText: String?
        if weight > 0, let image {
            vector = image
        } else if weight > 0, let similar = query.similar {
            let (embedding, id) = try await similarEmbedding(uid: similar)
            vector = embedding
            exclude = id
        } else if weight > 0, let clip = query.clip {
            vector = try await embedText(clip)
        } else if weight > 0, settings.semanticSearchEnabled, let text {
            vector = try await embedText(text)
        }
        if vector != nil {
            if weight < 1 { keywordText = text }
            else if explicitSemantic, let text { filter.keywords = Self.joined(filter.keywords, text) }
        } else {
            keywordText = text ?? query.clip
            if keywordText == nil, query.similar != nil || image != nil {
                throw ViewfinderError(.invalidInput, "clip_weight 0 needs search text to rank by keywords")
            }
        }
        guard let vector else {
            if query.minScore != nil {
                throw ViewfinderError(.invalidInput, "min_score needs clip, similar, an image or search text to rank by")
            }
            if query.clipWeight != nil, keywordText == nil {
                throw ViewfinderError(.invalidInput, "clip_weight needs clip, similar, an image or search text")
            }
            return try await keywordOrListing(query, filter: filter, keywordText: keywordText)
        }
        return try await semantic(query, vector: vector, exclude: exclude, filter: filter, keywordText: keywordText,
                                  weight: weight)
    }

    /// A keyword-ranked page (text, order relevance) or a plain listing in a date or name order.
    private func keywordOrListing(
        _ query: SearchQuery, filter: PhotoFilter, keywordText: String?
    ) async throws(ViewfinderError) -> SearchPage {
        let order = query.order ?? (keywordText == nil ? .newest : .relevance)
        if order == .relevance {
            guard let keywordText else {
                throw ViewfinderError(.invalidInput, "order relevance needs clip, similar or search text")
            }
            let limit = query.offset + query.count
            let matches = try await catalog.keywordMatches(keywordText, filter: filter, limit: limit)
            let best = matches.map(\.relevance).max() ?? 0
            let photos = try await photosByID(matches.map(\.photoID))
            let ranked = matches.compactMap { match -> SearchResult? in
                photos[match.photoID].map {
                    SearchResult(photo: $0, score: Float(best > 0 ? match.relevance / best : 0))
                }
            }
            return page(query, Self.sorted(ranked, by: .relevance), semantic: false, minScore: nil, notices: [])
        }
        var listed = filter
        if let keywordText { listed.keywords = Self.joined(listed.keywords, keywordText) }
        let photos = try await orderedPhotos(matching: listed, order: order, limit: query.count, offset: query.offset)
        return SearchPage(
            results: photos.map { SearchResult(photo: $0, score: 0) }, count: query.count, offset: query.offset,
            semantic: false)
    }

    /// Ranks by `vector` (and keyword relevance when `weight` < 1) above the threshold, then orders and pages.
    private func semantic(
        _ query: SearchQuery, vector: Embedding, exclude: Int64?, filter: PhotoFilter, keywordText: String?,
        weight: Double
    ) async throws(ViewfinderError) -> SearchPage {
        let order = query.order ?? .relevance
        let threshold = query.minScore ?? settings.defaultMinScore
        let wanted = order == .relevance ? query.offset + query.count : settings.dateOrderCandidates
        let limit = wanted + (exclude == nil ? 0 : 1)
        var matches = try await vectors.nearest(to: vector, limit: limit, filter: filter).filter { $0.photoID != exclude }
        let hadCandidates = !matches.isEmpty
        if let threshold { matches = matches.filter { Double($0.similarity) >= threshold } }
        var keywordMatches: [KeywordMatch] = []
        if weight < 1, let keywordText {
            keywordMatches = try await catalog.keywordMatches(keywordText, filter: filter, limit: wanted)
                .filter { $0.photoID != exclude }
        }
        let scored = HybridScore.combine(
            matches, keywordMatches, weight: weight, floor: threshold.map(Float.init))
        let photos = try await photosByID(scored.map(\.photoID))
        var results = scored.compactMap { item -> SearchResult? in
            photos[item.photoID].map { SearchResult(photo: $0, score: item.score, similarity: item.similarity) }
        }
        results = Self.sorted(results, by: .relevance)
        if order != .relevance {
            results = Array(results.prefix(settings.dateOrderCandidates))
            results.sort { order.precedes($0.photo, $1.photo) }
        }
        var notices = try await coverageNotices(vector)
        if results.isEmpty, hadCandidates { notices.insert(Self.noGoodMatchNotice, at: 0) }
        return page(query, results, semantic: true, minScore: threshold, notices: notices)
    }

    /// Best score first, ties by the default (newest) order.
    static func sorted(_ results: [SearchResult], by order: SearchOrder) -> [SearchResult] {
        results.sorted { a, b in a.score != b.score ? a.score > b.score : order.precedes(a.photo, b.photo) }
    }

    private func page(
        _ query: SearchQuery, _ results: [SearchResult], semantic: Bool, minScore: Double?, notices: [String]
    ) -> SearchPage {
        let slice = results.dropFirst(query.offset).prefix(query.count)
        return SearchPage(
            results: Array(slice), count: query.count, offset: query.offset, semantic: semantic, minScore: minScore,
            notices: notices)
    }

    private func photosByID(_ ids: [Int64]) async throws(ViewfinderError) -> [Int64: Photo] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await catalog.photos(ids: ids).map { ($0.id, $0) })
    }

    private static func joined(_ first: String?, _ second: String) -> String {
        guard let first, !first.isEmpty else { return second }
        return first + " " + second
    }
}
