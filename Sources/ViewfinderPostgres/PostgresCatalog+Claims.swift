import Foundation
import PostgresNIO
public import ViewfinderCore

extension PostgresCatalog: WorkClaiming {
    public func claim(
        _ files: [LibraryFile], worker: String, lease: Duration, model: ModelID, dims: Int
    ) async throws(ViewfinderError) -> [LibraryFile] {
        guard !files.isEmpty else { return [] }
        let space = try await space(model: model, dims: dims, create: false)
        // Files already embedded at their current size and time are never claimed (a stale plan, or a worker
        // that died between its commit and finishing its claims). The table name is derived from a numeric id.
        let notEmbedded = space.map {
            """
            AND NOT EXISTS (
                SELECT 1 FROM photos p JOIN libraries lib ON lib.id = p.library_id JOIN \($0.table) e ON e.photo_id = p.id
                WHERE lib.root = w.root AND p.path = w.path AND p.size = w.size AND p.mtime = w.mtime)
            """
        } ?? ""
        var binds = PostgresBindings(capacity: 7)
        binds.append(files.map(\.root))
        binds.append(files.map(\.relativePath))
        binds.append(files.map(\.size))
        binds.append(files.map { $0.modifiedAt.timeIntervalSince1970 })
        binds.append(worker)
        binds.append(Double(lease.components.seconds) + Double(lease.components.attoseconds) / 1e18)
        binds.append("\(model)/\(dims)")
        let claimed = try await rows(
            "claiming files to index",
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO index_leases AS l (root, path, space, size, mtime, worker, expires_at, done)
                    SELECT w.root, w.path, $7, w.size, w.mtime, $5, now() + make_interval(secs => $6::float8), FALSE
                    FROM unnest($1::text[], $2::text[], $3::bigint[], $4::float8[]) AS w(root, path, size, mtime)
                    WHERE TRUE \(notEmbedded)
                    ON CONFLICT (root, path, space) DO UPDATE SET
                        size = EXCLUDED.size, mtime = EXCLUDED.mtime, worker = EXCLUDED.worker,
                        expires_at = EXCLUDED.expires_at, done = FALSE
                    WHERE (NOT l.done AND (l.expires_at < now() OR l.worker = EXCLUDED.worker))
                       OR (l.done AND (l.size <> EXCLUDED.size OR l.mtime <> EXCLUDED.mtime))
                    RETURNING l.root, l.path
                    """, binds: binds))
        let keys = try decoding { Set(try claimed.map { row in try row.decode((String, String).self) }.map { "\($0.0)\u{0}\($0.1)" }) }
        return files.filter { keys.contains("\($0.root)\u{0}\($0.relativePath)") }
    }

    public func finishClaims(_ files: [LibraryFile], worker: String, model: ModelID, dims: Int) async throws(ViewfinderError) {
        guard !files.isEmpty else { return }
        var binds = PostgresBindings(capacity: 4)
        binds.append(worker)
        binds.append("\(model)/\(dims)")
        binds.append(files.map(\.root))
        binds.append(files.map(\.relativePath))
        _ = try await rows(
            "finishing claims",
            PostgresQuery(
                unsafeSQL: """
                    UPDATE index_leases SET done = TRUE
                    WHERE worker = $1 AND space = $2
                      AND (root, path) IN (SELECT * FROM unnest($3::text[], $4::text[]))
                    """, binds: binds))
    }

    public func liveClaims(excluding worker: String) async throws(ViewfinderError) -> Int {
        let counted = try await rows(
            "counting live claims",
            "SELECT count(*) FROM index_leases WHERE NOT done AND expires_at > now() AND worker <> \(worker)")
        return Int(try decoding { try counted.first?.decode(Int64.self) } ?? 0)
    }
}
