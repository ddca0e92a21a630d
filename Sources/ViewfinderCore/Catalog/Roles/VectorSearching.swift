/// The catalog role that ranks photos by vector similarity: vector SQL in the database, or an in-process index
/// that decorates this role alone.
public protocol VectorSearching: Sendable {
    /// The `limit` indexed photos nearest to `query` among those matching `filter`, most similar first.
    ///
    /// Only vectors of the query's model and dimension are compared. The filter is part of the same query,
    /// never applied to a truncated ranking.
    func nearest(
        to query: Embedding, limit: Int, filter: PhotoFilter, strategy: VectorSearchStrategy
    ) async throws(ViewfinderError) -> [VectorMatch]
    /// `capabilities` as the store reported them, amended with how this role answers searches.
    func describing(_ capabilities: CatalogCapabilities) -> CatalogCapabilities
}

extension VectorSearching {
    /// The `limit` nearest photos to `query` matching `filter`, letting the backend choose its index.
    public func nearest(to query: Embedding, limit: Int, filter: PhotoFilter = PhotoFilter())
        async throws(ViewfinderError) -> [VectorMatch]
    {
        try await nearest(to: query, limit: limit, filter: filter, strategy: .automatic)
    }

    /// A backend that searches its own vectors reports its capabilities unchanged.
    public func describing(_ capabilities: CatalogCapabilities) -> CatalogCapabilities { capabilities }
}
