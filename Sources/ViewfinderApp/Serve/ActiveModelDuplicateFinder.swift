public import ViewfinderCore
import ViewfinderHTTP
import ViewfinderServices

/// Near-duplicate groups among the active model's embeddings, for `GET /api/v1/duplicates`.
struct ActiveModelDuplicateFinder: DuplicateFinding {
    /// The grouping service.
    let service: DuplicateService
    /// The active model and its dimension; other models' vectors are never compared.
    let space: (model: ModelID, dims: Int)?

    /// At most `limit` groups, each with the suggested keeper first; none without an active model.
    func duplicateGroups(limit: Int) async throws(ViewfinderError) -> [[Photo]] {
        guard let space else { return [] }
        let groups = try await service.groups(model: space.model, dims: space.dims)
        return groups.prefix(max(0, limit)).map(\.members)
    }
}
