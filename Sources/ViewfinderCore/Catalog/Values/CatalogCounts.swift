/// Counts that `viewfinder status` reports.
public struct CatalogCounts: Sendable, Equatable, Codable {
    /// All photos in the catalog.
    public var photos: Int
    /// Photos whose indexing failed.
    public var failed: Int
    /// Embedded photos per "model/dims" key.
    public var embedded: [String: Int]
    /// Photos whose files are missing (kept until the grace period ends).
    public var missing: Int

    /// Creates a counts value.
    public init(photos: Int, failed: Int, embedded: [String: Int], missing: Int = 0) {
        self.photos = photos
        self.failed = failed
        self.embedded = embedded
        self.missing = missing
    }
}
