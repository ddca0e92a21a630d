/// The catalog role that reports what is stored and what the backend is.
public protocol CatalogStatistics: Sendable {
    /// Catalog-wide counts.
    func counts() async throws(ViewfinderError) -> CatalogCounts
    /// What this backend is and how it searches vectors.
    func capabilities() async throws(ViewfinderError) -> CatalogCapabilities
}
