import ArgumentParser
import Foundation
import NIOPosix
import VectorIndex
import ViewfinderCore
import ViewfinderVectorSearch

/// Latency and recall of the in-process vector index against numpy, sqlite-vec and pgvector on the same data.
struct SearchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Measures the in-process vector index against the references measured in the same run."
    )

    @Option(help: "The folder tools/bench/search_reference.py wrote its data and reference.json to.")
    var data = "var/bench/search"

    @Option(help: "The BENCHMARKS.md file whose search section is rewritten.")
    var output = "BENCHMARKS.md"

    func run() throws {
        let folder = URL(fileURLWithPath: data)
        // Written by `viewfinder-bench search-e2e` when it ran before this command.
        let appendix = try? String(contentsOf: folder.appendingPathComponent("end-to-end.md"), encoding: .utf8)
        let reference = try JSONDecoder().decode(
            SearchReference.self, from: Data(contentsOf: folder.appendingPathComponent("reference.json")))
        var rows: [[String]] = []
        var loaded: (key: String, vectors: [Float])?
        // Scans run on a thread pool of their own, as `serve` runs them (never on the cooperative pool).
        let threadPool = NIOThreadPool(numberOfThreads: 2)
        threadPool.start()
        defer { try? threadPool.syncShutdownGracefully() }
        let pool = VectorScanPool(threadPool: threadPool)
        for result in reference.results {
            let key = "\(result.n)-\(result.dims)"
            if loaded?.key != key {
                loaded = (key, try Self.readFloats(folder.appendingPathComponent("data-\(key).f32")))
            }
            guard let vectors = loaded?.vectors else { continue }
            let queries = try Self.readFloats(folder.appendingPathComponent("queries-\(result.dims).f32"))
            let truthName = "truth-\(key)-\(result.filter == "none" ? "all" : "f5").i32"
            let truth = try Self.readInt32s(folder.appendingPathComponent(truthName))
            // The 5% filter as the catalog delivers it: an id list from SQL, turned into a set inside the timer.
            let candidateIDs: [Int64]? = result.filter == "none" ? nil : stride(from: 0, to: result.n, by: 20).map(Int64.init)
            for precision in MatrixPrecision.allCases {
                var space = VectorSpaceIndex(dims: result.dims, precision: precision)
                for row in 0..<result.n {
                    space.upsert(id: Int64(row), vector: Array(vectors[(row * result.dims)..<((row + 1) * result.dims)]))
                }
                for threads in [1, 2] {
                    let measured = try Self.measure(
                        space, pool: pool, queries: queries, dims: result.dims, k: reference.k, candidateIDs: candidateIDs,
                        threads: threads, truth: truth)
                    let memory = Double(space.bytesPerPhoto * result.n) / 1_048_576
                    rows.append([
                        "\(result.n / 1000)k × \(result.dims)", result.filter, precision.rawValue, "\(threads)",
                        Self.ms(measured.p50), Self.ms(measured.p99), String(format: "%.3f", measured.recall),
                        String(format: "%.0f", memory),
                        Self.ratio(result.numpy_p50_ms / measured.p50),
                        result.sqlite_vec_p50_ms.map { Self.ratio($0 / measured.p50) } ?? "–",
                        result.pg_hnsw_p50_ms.map { Self.ratio($0 / measured.p50) } ?? "–",
                    ])
                }
            }
            print(rows.suffix(6).map { $0.joined(separator: "  ") }.joined(separator: "\n"))
        }
        let header = [
            "set", "filter", "rows", "threads", "p50 ms", "p99 ms", "recall@10", "MiB", "numpy ÷ ours",
            "sqlite-vec ÷ ours", "pgvector HNSW ÷ ours",
        ]
        let table = BenchmarkReport.table(header: header, rows: rows)
        let references = BenchmarkReport.table(header: SearchReference.header, rows: reference.results.map(\.row))
        print(table)
        print(references)
        let hnsw = reference.hnsw.map {
            "pgvector HNSW: m = \($0.m), ef_construction = \($0.ef_construction), `hnsw.ef_search = \($0.ef_search)`, "
                + "`hnsw.iterative_scan = \($0.iterative_scan)` (so a filtered query keeps scanning the graph until it has k rows). "
        } ?? "pgvector was not measured (no server). "
        let body = """
            ## Vector search (in-process index)

            `make bench-search`: seeded clustered unit vectors (a Gaussian mixture on the sphere, see \
            tools/bench/search_reference.py), \(reference.queries) queries each, top-\(reference.k), \
            no filter and a 5% filter (every 20th id). Ours: `VectorSpaceIndex`, the matrix behind the in-process \
            catalog decorator (release build, AVX2/F16C kernels chosen at run time); float16 and int8 rows are \
            re-scored in float32 with an error bound, so their recall is exact. The 5% filter arrives as an id list \
            (as `photoIDs(matching:)` returns it) and becomes a set inside the timed region. The references are \
            measured by `tools/bench/search_reference.py` in the same run on the same data, each with its filter \
            inside the timed region: numpy \(reference.numpy) float32 (`data[rows] @ q` + argpartition: the fancy-index \
            gather is timed), sqlite-vec (vec0 brute-force KNN, filter on a metadata column) and pgvector \
            (PostgreSQL round trips included; exact = sequential scan sorted by `<=>`, filter by a btree on `bucket`). \
            \(hnsw)Ratios above 1 mean ours is faster. Recall is against numpy's exact top-10. \
            MiB for ours is the decorator's memory for the set (see docs/search.md: rows, float32 copy for \
            re-scoring, id and lookup entry); for numpy the float32 matrix; for pgvector table and HNSW index on disk.

            The machine is shared with other builds and tests (2 cores), so p99 in particular is noisy.

            Machine: \(BenchmarkReport.machineDescription()).

            \(table)

            References (same run):

            \(references)
            \(reference.sweepTable.map { "\npgvector HNSW recall@10 / p50 ms by `hnsw.ef_search`:\n\n" + $0 + "\n" } ?? "")
            \(reference.filteredTable.map { "\npgvector HNSW under the 5% filter, recall@10 / p50 ms by `hnsw.ef_search`:\n\n" + $0 + "\n" } ?? "")
            \(appendix.map { "\n" + $0 } ?? "")
            """
        try BenchmarkReport.writeSection("search", body: body, to: URL(fileURLWithPath: output))
    }

    private static func measure(
        _ space: VectorSpaceIndex, pool: VectorScanPool, queries: [Float], dims: Int, k: Int, candidateIDs: [Int64]?,
        threads: Int, truth: [Int32]
    ) throws -> (p50: Double, p99: Double, recall: Double) {
        let count = queries.count / dims
        var times: [Double] = []
        var hits = 0
        for index in 0..<count {
            let query = Array(queries[(index * dims)..<((index + 1) * dims)])
            let start = DispatchTime.now().uptimeNanoseconds
            let candidates = candidateIDs.map(Set.init)
            let results = try BlockingTask.run {
                try await space.nearest(query, limit: k, candidates: candidates, on: pool, threads: threads)
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            let expected = Set(truth[(index * k)..<((index + 1) * k)].map(Int64.init))
            hits += results.filter { expected.contains($0.photoID) }.count
        }
        times.sort()
        let p99Index = min(times.count - 1, Int((Double(times.count) * 0.99).rounded(.up)) - 1)
        return (times[times.count / 2], times[max(0, p99Index)], Double(hits) / Double(count * k))
    }

    static func readFloats(_ url: URL) throws -> [Float] {
        let data = try Data(contentsOf: url)
        return data.withUnsafeBytes { raw in
            (0..<(data.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }

    private static func readInt32s(_ url: URL) throws -> [Int32] {
        let data = try Data(contentsOf: url)
        return data.withUnsafeBytes { raw in
            (0..<(data.count / 4)).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) }
        }
    }

    static func ms(_ value: Double) -> String { String(format: "%.2f", value) }
    static func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }
}
