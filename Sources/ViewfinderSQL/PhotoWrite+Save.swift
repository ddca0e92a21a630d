public import ViewfinderCore

extension PhotoWrite {
    /// The write prologue every SQL catalog's `save(_:failures:)` shares.
    ///
    /// Checks the rows before anything is written, finds (or creates) each embedding space's store once and
    /// before the transaction, since DDL must not interleave with the batch's writes, then hands rows and stores
    /// to `write`, which writes them in one transaction. Nothing happens for an empty batch.
    public static func save<Store: Sendable>(
        _ batch: [IndexedPhoto], failures: [IndexFailure],
        store: (EmbeddingSpaceKey) async throws(ViewfinderError) -> Store?,
        write: ([PhotoWrite], [EmbeddingSpaceKey: Store]) async throws(ViewfinderError) -> Void
    ) async throws(ViewfinderError) {
        let rows = try PhotoWrite.rows(batch, failures: failures)
        guard !rows.isEmpty else { return }
        var stores: [EmbeddingSpaceKey: Store] = [:]
        for key in EmbeddingSpaceKey.distinct(rows.compactMap(\.embedding)) {
            stores[key] = try await store(key)
        }
        try await write(rows, stores)
    }
}
