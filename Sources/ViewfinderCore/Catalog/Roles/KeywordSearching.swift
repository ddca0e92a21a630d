/// The catalog role that ranks photos by the full-text index over titles, descriptions and keywords.
public protocol KeywordSearching: Sendable {
    /// Photos whose title, description or keywords contain every term of `text`, most relevant first.
    func keywordMatches(_ text: String, filter: PhotoFilter, limit: Int) async throws(ViewfinderError) -> [KeywordMatch]
}
