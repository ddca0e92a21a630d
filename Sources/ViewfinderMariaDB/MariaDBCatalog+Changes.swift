import MariaDBClient
public import ViewfinderCore

extension MariaDBCatalog {
    public func vectorChanges(after sequence: Int64, limit: Int) async throws(ViewfinderError) -> VectorChangeFeed? {
        try await run("reading the vector change log") { connection in
            let latest = try connection.query("SELECT COALESCE(MAX(seq), 0) FROM vector_changes").rows.first?.int64(0) ?? 0
            guard limit > 0 else { return VectorChangeFeed(changes: [], latestSequence: latest) }
            let rows = try connection.query(
                "SELECT seq, photo_id FROM vector_changes WHERE seq > \(sequence) ORDER BY seq LIMIT \(limit)").rows
            var changes: [VectorChange] = []
            for row in rows {
                guard let seq = try row.int64(0), let photoID = try row.int64(1) else { continue }
                changes.append(VectorChange(sequence: seq, photoID: photoID))
            }
            return VectorChangeFeed(changes: changes, latestSequence: latest)
        }
    }

    /// Records that `photoID`'s vectors or searchability changed (inside the caller's transaction).
    static func logVectorChange(_ connection: MariaDBConnection, photoID: Int64) throws {
        try connection.query("INSERT INTO vector_changes (photo_id) VALUES (\(photoID))")
    }
}
