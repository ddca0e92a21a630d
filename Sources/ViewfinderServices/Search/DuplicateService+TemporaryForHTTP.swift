// TEMPORARY for the HTTP branch: the integrator replaces this with the real DuplicateService when merging.
public import ViewfinderCore

/// Groups photos with identical content hashes until the real duplicate detection lands.
public struct TemporaryDuplicateFinder: Sendable {
    private let catalog: any PhotoCatalog

    /// Creates a finder over `catalog`.
    public init(catalog: any PhotoCatalog) { self.catalog = catalog }

    /// At most `limit` groups of byte-identical photos.
    public func duplicateGroups(limit: Int) async throws(ViewfinderError) -> [[Photo]] {
        let ids = try await catalog.photoIDs(matching: .everything, limit: 100_000)
        let photos = try await catalog.photos(ids: ids)
        let groups = Dictionary(grouping: photos, by: \.contentHash).values.filter { $0.count > 1 }
        return groups.map { $0.sorted { $0.relativePath < $1.relativePath } }
            .sorted { $0[0].relativePath < $1[0].relativePath }
            .prefix(limit).map { $0 }
    }
}
