import Foundation

/// What tools/bench/search_reference.py measured (reference.json).
struct SearchReference: Decodable {
    /// One data set and filter.
    struct Result: Decodable {
        let n: Int
        let dims: Int
        let filter: String
        let numpy_p50_ms: Double
        let numpy_p99_ms: Double
        let numpy_bytes: Int
        let sqlite_vec_p50_ms: Double?
        let sqlite_vec_p99_ms: Double?
        let sqlite_vec_recall: Double?
        let pg_exact_p50_ms: Double?
        let pg_exact_p99_ms: Double?
        let pg_exact_recall: Double?
        let pg_table_bytes: Int?
        let pg_hnsw_p50_ms: Double?
        let pg_hnsw_p99_ms: Double?
        let pg_hnsw_recall: Double?
        let pg_hnsw_index_bytes: Int?
        let pg_hnsw_build_s: Double?
        let pg_hnsw_uses_index: Bool?
        let pg_hnsw_sweep: [SweepPoint]?
        /// PostgresCatalog's approximate SQL under the filter (over-fetch ef_search rows, re-rank), per ef_search.
        let pg_hnsw_app_sweep: [SweepPoint]?
        let pg_hnsw_app_uses_index: Bool?
        /// The exact path for a filter matching `pg_exact_wide_rows` rows.
        let pg_exact_wide_rows: Int?
        let pg_exact_wide_p50_ms: Double?
        let pg_exact_wide_p99_ms: Double?

        /// The reference table's row.
        var row: [String] {
            func pair(_ p50: Double?, _ p99: Double?) -> String {
                guard let p50, let p99 else { return "–" }
                return "\(SearchBenchmark.ms(p50)) / \(SearchBenchmark.ms(p99))"
            }
            let mib = { (bytes: Int) in String(format: "%.0f", Double(bytes) / 1_048_576) }
            let recall = { (value: Double?) in value.map { String(format: "%.3f", $0) } ?? "–" }
            return [
                "\(n / 1000)k × \(dims)", filter, pair(numpy_p50_ms, numpy_p99_ms), mib(numpy_bytes),
                pair(sqlite_vec_p50_ms, sqlite_vec_p99_ms), recall(sqlite_vec_recall),
                pair(pg_exact_p50_ms, pg_exact_p99_ms), recall(pg_exact_recall),
                pair(pg_hnsw_p50_ms, pg_hnsw_p99_ms) + (pg_hnsw_uses_index == false ? " (seq scan chosen)" : ""),
                recall(pg_hnsw_recall),
                pg_table_bytes.map { bytes in mib(bytes + (pg_hnsw_index_bytes ?? 0)) } ?? "–",
                pg_hnsw_build_s.map { String(format: "%.0f", $0) } ?? "–",
            ]
        }
    }

    /// One `hnsw.ef_search` value of the sweep.
    struct SweepPoint: Decodable {
        let ef_search: Int
        let p50_ms: Double
        let recall: Double
    }

    /// The 5% filter on pgvector: the plain `LIMIT k` walk against PostgresCatalog's over-fetching SQL per
    /// `hnsw.ef_search`, and the exact path for a wide filter (nil when not measured).
    var filteredTable: String? {
        let measured = results.filter { $0.pg_hnsw_app_sweep?.isEmpty == false }
        guard let first = measured.first?.pg_hnsw_app_sweep else { return nil }
        let header = ["set", "SQL"] + first.map { "ef_search \($0.ef_search): recall / p50 ms" }
            + ["exact, wide filter: rows · p50 / p99 ms"]
        let cells = { (points: [SweepPoint]?) in
            (points ?? []).map { String(format: "%.3f", $0.recall) + " / " + SearchBenchmark.ms($0.p50_ms) }
        }
        let rows = measured.flatMap { result in
            let set = "\(result.n / 1000)k × \(result.dims)"
            let wide = result.pg_exact_wide_rows.map { rows in
                "\(rows) · \(SearchBenchmark.ms(result.pg_exact_wide_p50_ms ?? 0)) / \(SearchBenchmark.ms(result.pg_exact_wide_p99_ms ?? 0))"
            } ?? "–"
            return [
                [set, "`LIMIT k`"] + cells(result.pg_hnsw_sweep) + ["–"],
                [set, "app: `LIMIT ef_search`, re-rank" + (result.pg_hnsw_app_uses_index == false ? " (no index)" : "")]
                    + cells(result.pg_hnsw_app_sweep) + [wide],
            ]
        }
        return BenchmarkReport.table(header: header, rows: rows)
    }

    /// pgvector HNSW settings.
    struct HNSW: Decodable {
        let m: Int
        let ef_construction: Int
        let ef_search: Int
        let iterative_scan: String
    }

    /// The reference table's header.
    static let header = [
        "set", "filter", "numpy p50 / p99 ms", "numpy MiB", "sqlite-vec p50 / p99 ms", "sqlite-vec recall@10",
        "pgvector exact p50 / p99 ms", "exact recall@10", "pgvector HNSW p50 / p99 ms", "HNSW recall@10",
        "pgvector MiB", "HNSW build s",
    ]

    let k: Int
    let queries: Int
    let numpy: String
    let hnsw: HNSW?
    let results: [Result]

    /// Recall@10 and p50 of pgvector HNSW per `hnsw.ef_search` (nil when no sweep was measured).
    var sweepTable: String? {
        let measured = results.filter { $0.pg_hnsw_sweep?.isEmpty == false }
        guard let first = measured.first?.pg_hnsw_sweep else { return nil }
        let header = ["set", "filter"] + first.map { "ef_search \($0.ef_search): recall / p50 ms" }
        let rows = measured.map { result in
            ["\(result.n / 1000)k × \(result.dims)", result.filter]
                + (result.pg_hnsw_sweep ?? []).map {
                    String(format: "%.3f", $0.recall) + " / " + SearchBenchmark.ms($0.p50_ms)
                }
        }
        return BenchmarkReport.table(header: header, rows: rows)
    }
}
