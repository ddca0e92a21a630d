/// How the search service behaves; the app fills it from configuration and the model catalogue.
public struct SearchSettings: Sendable, Equatable {
    /// Whether text, `similar` and image queries are allowed (CLIP switched on).
    public var semanticSearchEnabled: Bool
    /// The similarity threshold used when a query gives no `min_score` (the model's catalogue value).
    public var defaultMinScore: Double?
    /// With a semantic query and a date order, how many best matches above the threshold are sorted by date.
    public var dateOrderCandidates: Int
    /// How many query-text embeddings are cached.
    public var textCacheCapacity: Int

    /// Creates settings; semantic search on, no default threshold, 1000 date-order candidates.
    public init(
        semanticSearchEnabled: Bool = true, defaultMinScore: Double? = nil, dateOrderCandidates: Int = 1000,
        textCacheCapacity: Int = 256
    ) {
        self.semanticSearchEnabled = semanticSearchEnabled
        self.defaultMinScore = defaultMinScore
        self.dateOrderCandidates = max(1, dateOrderCandidates)
        self.textCacheCapacity = textCacheCapacity
    }
}
