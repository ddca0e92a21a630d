public import ViewfinderCore

/// Finds groups of photos that are copies of each other, for `GET /api/v1/duplicates`.
public protocol DuplicateFinding: Sendable {
    /// At most `limit` groups of two or more photos each.
    func duplicateGroups(limit: Int) async throws(ViewfinderError) -> [[Photo]]
}
