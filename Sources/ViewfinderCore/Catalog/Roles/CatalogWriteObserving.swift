/// Told when a writer committed changes that alter what the catalog counts (photos, failures, embeddings),
/// so that values derived from the counts are refreshed after writes instead of recounted per query.
public protocol CatalogWriteObserving: Sendable {
    /// Called after each committed write that may change the catalog's counts.
    func catalogDidChange() async
}
