/// How search results are ordered; the names follow PhotoPrism's `order` parameter.
public enum SearchOrder: String, Sendable, Codable, CaseIterable {
    /// Best match first; the default with `clip` or `similar`. Ties fall back to `newest`.
    case relevance
    /// Most recently taken first; the default without a semantic query.
    case newest
    /// Earliest taken first.
    case oldest
    /// Most recently added to the catalog first.
    case added
    /// By file path, A to Z.
    case name
}
