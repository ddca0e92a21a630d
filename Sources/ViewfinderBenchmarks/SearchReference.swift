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
        let pg_exact_p50_ms: Double?
        let pg_exact_p99_ms: Double?
        let pg_table_bytes: Int?
        let pg_hnsw_p50_ms: Double?
        let pg_hnsw_p99_ms: Double?
        let pg_hnsw_recall: Double?
        let pg_hnsw_index_bytes: Int?
        let pg_hnsw_build_s: Double?
        let pg_hnsw_uses_index: Bool?

        /// The reference table's row.
        var row: [String] {
            func pair(_ p50: Double?, _ p99: Double?) -> String {
                guard let p50, let p99 else { return "–" }
                return "\(SearchBenchmark.ms(p50)) / \(SearchBenchmark.ms(p99))"
            }
            let mib = { (bytes: Int) in String(format: "%.0f", Double(bytes) / 1_048_576) }
            return [
                "\(n / 1000)k × \(dims)", filter, pair(numpy_p50_ms, numpy_p99_ms), mib(numpy_bytes),
                pair(sqlite_vec_p50_ms, sqlite_vec_p99_ms), pair(pg_exact_p50_ms, pg_exact_p99_ms),
                pair(pg_hnsw_p50_ms, pg_hnsw_p99_ms) + (pg_hnsw_uses_index == false ? " (seq scan chosen)" : ""),
                pg_hnsw_recall.map { String(format: "%.3f", $0) } ?? "–",
                pg_table_bytes.map { bytes in mib(bytes + (pg_hnsw_index_bytes ?? 0)) } ?? "–",
                pg_hnsw_build_s.map { String(format: "%.0f", $0) } ?? "–",
            ]
        }
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
        "set", "filter", "numpy p50 / p99 ms", "numpy MiB", "sqlite-vec p50 / p99 ms", "pgvector exact p50 / p99 ms",
        "pgvector HNSW p50 / p99 ms", "HNSW recall@10", "pgvector MiB", "HNSW build s",
    ]

    let k: Int
    let queries: Int
    let numpy: String
    let hnsw: HNSW?
    let results: [Result]
}
