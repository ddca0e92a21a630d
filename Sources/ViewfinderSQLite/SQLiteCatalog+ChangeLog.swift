import GRDB
public import ViewfinderCore

extension SQLiteCatalog {
    // The log is written by triggers (migration 0003), so every writer, in any process, is covered.
    public func vectorChanges(after sequence: Int64, limit: Int) async throws(ViewfinderError) -> VectorChangeFeed? {
        try await read { db in
            let latest = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM vector_changes") ?? 0
            guard limit > 0 else { return VectorChangeFeed(changes: [], latestSequence: latest) }
            let changes = try Row.fetchAll(
                db, sql: "SELECT seq, photo_id FROM vector_changes WHERE seq > ? ORDER BY seq LIMIT ?",
                arguments: [sequence, limit]
            ).map { row in VectorChange(sequence: row["seq"], photoID: row["photo_id"]) }
            return VectorChangeFeed(changes: changes, latestSequence: latest)
        }
    }
}
