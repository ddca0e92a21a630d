public import ViewfinderCore

/// One page of search results with what the caller needs to explain them.
public struct SearchPage: Sendable {
    /// The ranked photos of this page.
    public var results: [SearchResult]
    /// The page size that was asked for.
    public var count: Int
    /// How many results were skipped.
    public var offset: Int
    /// Whether the ranking used text or image similarity.
    public var semantic: Bool
    /// The similarity threshold applied, when the ranking was semantic.
    public var minScore: Double?
    /// Sentences for people, e.g. "no photo matches well enough" or "62% of photos embedded with the active model".
    public var notices: [String]

    /// Creates a page.
    public init(
        results: [SearchResult], count: Int, offset: Int, semantic: Bool, minScore: Double? = nil,
        notices: [String] = []
    ) {
        self.results = results
        self.count = count
        self.offset = offset
        self.semantic = semantic
        self.minScore = minScore
        self.notices = notices
    }
}
