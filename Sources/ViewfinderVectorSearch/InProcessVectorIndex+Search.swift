import VectorIndex
public import ViewfinderCore

extension InProcessVectorIndex {
    /// Exact nearest neighbours from memory; the filter becomes a candidate set read from SQL.
    ///
    /// The strategy is ignored: the in-process scan is always exact.
    public func nearest(
        to query: Embedding, limit: Int, filter: PhotoFilter, strategy: VectorSearchStrategy
    ) async throws(ViewfinderError) -> [VectorMatch] {
        guard limit > 0 else { return [] }
        await lock()
        defer { unlock() }
        try await synchronize()
        let space = try await loadedSpace(model: query.model, dims: query.dims)
        guard space.count > 0 else { return [] }
        let candidates: Set<Int64>?
        if filter == .everything || (filter == PhotoFilter() && archivedIDs.isEmpty) {
            candidates = nil
        } else {
            candidates = Set(try await source.photoIDs(matching: filter, limit: Int(Int32.max)))
        }
        return try await space.nearest(query.vector, limit: limit, candidates: candidates, on: pool, threads: settings.threads)
    }

    /// The number of vectors held in memory for a space (0 when it is not loaded).
    public func loadedCount(model: ModelID, dims: Int) -> Int {
        spaces[SpaceKey(model: model, dims: dims)]?.count ?? 0
    }

    /// The space's index, loaded from the store on first use.
    private func loadedSpace(model: ModelID, dims: Int) async throws(ViewfinderError) -> VectorSpaceIndex {
        let key = SpaceKey(model: model, dims: dims)
        if let space = spaces[key] { return space }
        var space = VectorSpaceIndex(dims: dims, precision: settings.precision)
        for stored in try await source.vectors(model: model, dims: dims) where stored.vector.count == dims {
            space.upsert(id: stored.photoID, vector: stored.vector)
        }
        spaces[key] = space
        return space
    }
}
