import ViewfinderCore

extension InProcessVectorIndex {
    /// Change-log entries read per query; more pending than this drops the loaded spaces for a fresh load.
    static let changePage = 4096
    /// How far below the synced position the log is re-read, for transactions that committed out of order.
    static let reorderWindow: Int64 = 256

    /// Brings the loaded spaces and the archived set up to date with the store (caller holds the lock).
    func synchronize() async throws(ViewfinderError) {
        var changed: Set<Int64> = []
        if hasChangeLog == false {
            // Nothing says what changed: everything is read again.
            resetAll(at: 0)
        } else if let synced = syncedSequence {
            if let feed = try await source.vectorChanges(after: max(0, synced - Self.reorderWindow), limit: Self.changePage) {
                if feed.changes.count >= Self.changePage {
                    // Too much happened elsewhere: reloading is cheaper than replaying.
                    resetAll(at: feed.latestSequence)
                    changed = []
                } else {
                    let fresh = feed.changes.filter {
                        $0.sequence > ignoredThrough && ($0.sequence > synced || !appliedSequences.contains($0.sequence))
                    }
                    changed.formUnion(fresh.map(\.photoID))
                    let position = max(synced, feed.changes.last?.sequence ?? synced)
                    syncedSequence = position
                    appliedSequences.formUnion(fresh.map(\.sequence))
                    appliedSequences = appliedSequences.filter { $0 > position - Self.reorderWindow }
                }
            }
        } else {
            // First look: everything loaded from now on reflects at least this position.
            let feed = try await source.vectorChanges(after: .max, limit: 0)
            hasChangeLog = feed != nil
            resetAll(at: feed?.latestSequence ?? 0)
        }
        if !archivedLoaded {
            archivedIDs = Set(try await source.photoIDs(matching: PhotoFilter(archived: true), limit: Int(Int32.max)))
            archivedLoaded = true
        }
        if !changed.isEmpty { try await refresh(Array(changed)) }
    }

    /// Re-reads these photos and updates every loaded space and the archived set.
    private func refresh(_ ids: [Int64]) async throws(ViewfinderError) {
        var photos: [Int64: Photo] = [:]
        for photo in try await source.photos(ids: ids) { photos[photo.id] = photo }
        let searchable = Set(ids.filter { photos[$0]?.status == .indexed })
        for id in ids {
            if searchable.contains(id), photos[id]?.archived == true { archivedIDs.insert(id) } else { archivedIDs.remove(id) }
        }
        for key in Array(spaces.keys) {
            var vectors: [Int64: [Float]] = [:]
            for id in searchable {
                if let embedding = try await source.embedding(photoID: id, model: key.model, dims: key.dims),
                    embedding.dims == key.dims
                {
                    vectors[id] = embedding.vector
                }
            }
            for id in ids {
                if let vector = vectors[id] { spaces[key]?.upsert(id: id, vector: vector) } else { spaces[key]?.remove(id: id) }
            }
        }
    }

    private func resetAll(at sequence: Int64) {
        spaces = [:]
        archivedIDs = []
        archivedLoaded = false
        appliedSequences = []
        syncedSequence = sequence
        ignoredThrough = sequence
    }
}
