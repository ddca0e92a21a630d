import ArgumentParser
import Foundation
import VectorIndex

/// Latency and recall of the in-process vector index against numpy and sqlite-vec on the same data.
struct SearchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Measures the in-process vector index against the references measured in the same run."
    )

    @Option(help: "The folder tools/bench/search_reference.py wrote its data and reference.json to.")
    var data = "var/bench/search"

    @Option(help: "The BENCHMARKS.md file whose search section is rewritten.")
    var output = "BENCHMARKS.md"

    private struct Reference: Decodable {
        struct Result: Decodable {
            let n: Int
            let dims: Int
            let filter: String
            let numpy_p50_ms: Double
            let numpy_p99_ms: Double
            let numpy_bytes: Int
            let sqlite_vec_p50_ms: Double?
        }
        let k: Int
        let queries: Int
        let numpy: String
        let results: [Result]
    }

    func run() throws {
        let folder = URL(fileURLWithPath: data)
        let reference = try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: folder.appendingPathComponent("reference.json")))
        var rows: [[String]] = []
        var loaded: (key: String, vectors: [Float])?
        for result in reference.results {
            let key = "\(result.n)-\(result.dims)"
            if loaded?.key != key {
                loaded = (key, try Self.readFloats(folder.appendingPathComponent("data-\(key).f32")))
            }
            guard let vectors = loaded?.vectors else { continue }
            let queries = try Self.readFloats(folder.appendingPathComponent("queries-\(result.dims).f32"))
            let truthName = "truth-\(key)-\(result.filter == "none" ? "all" : "f5").i32"
            let truth = try Self.readInt32s(folder.appendingPathComponent(truthName))
            let candidates: Set<Int64>? =
                result.filter == "none" ? nil : Set(stride(from: 0, to: result.n, by: 20).map(Int64.init))
            for precision in MatrixPrecision.allCases {
                var matrix = VectorMatrix(dims: result.dims, precision: precision)
                for row in 0..<result.n {
                    matrix.upsert(id: Int64(row), vector: Array(vectors[(row * result.dims)..<((row + 1) * result.dims)]))
                }
                for threads in [1, 2] {
                    let measured = Self.measure(
                        matrix, queries: queries, dims: result.dims, k: reference.k, candidates: candidates,
                        threads: threads, truth: truth)
                    let memory = Double(matrix.bytesPerVector * result.n) / 1_048_576
                    rows.append([
                        "\(result.n / 1000)k × \(result.dims)", result.filter, precision.rawValue, "\(threads)",
                        Self.ms(measured.p50), Self.ms(measured.p99), String(format: "%.3f", measured.recall),
                        String(format: "%.0f", memory),
                        Self.ms(result.numpy_p50_ms), Self.ratio(result.numpy_p50_ms / measured.p50),
                        result.sqlite_vec_p50_ms.map(Self.ms) ?? "–",
                        result.sqlite_vec_p50_ms.map { Self.ratio($0 / measured.p50) } ?? "–",
                    ])
                }
            }
            print(rows.suffix(6).map { $0.joined(separator: "  ") }.joined(separator: "\n"))
        }
        let header = [
            "set", "filter", "storage", "threads", "p50 ms", "p99 ms", "recall@10", "MiB", "numpy p50 ms",
            "numpy ÷ ours", "sqlite-vec p50 ms", "sqlite-vec ÷ ours",
        ]
        let table = BenchmarkReport.table(header: header, rows: rows)
        print(table)
        let body = """
            ## Vector search (in-process index)

            `make bench-search`: seeded random unit vectors, \(reference.queries) queries each, top-\(reference.k). \
            Our index (`VectorIndex`, release build, AVX2/F16C kernels chosen at run time) against numpy \
            \(reference.numpy) float32 brute force (matrix-vector product + argpartition; the 5% filter as a \
            pre-selected row subset) and sqlite-vec (vec0 brute-force KNN, 5% filter as a metadata column) \
            measured by `tools/bench/search_reference.py` in the same run. Ratios above 1 mean we are faster. \
            Recall is against numpy's exact top-10; float16/int8 are approximate storage without re-scoring. \
            MiB is the index's memory for the set (\(MatrixPrecision.allCases.map { "\($0.rawValue): \($0.bytesPerComponent) B/component" }.joined(separator: ", ")), \
            plus id and lookup entry per vector).

            Machine: \(BenchmarkReport.machineDescription()).

            \(table)
            """
        try BenchmarkReport.writeSection("search", body: body, to: URL(fileURLWithPath: output))
    }

    private static func measure(
        _ matrix: VectorMatrix, queries: [Float], dims: Int, k: Int, candidates: Set<Int64>?, threads: Int, truth: [Int32]
    ) -> (p50: Double, p99: Double, recall: Double) {
        let count = queries.count / dims
        var times: [Double] = []
        var hits = 0
        for index in 0..<count {
            let query = Array(queries[(index * dims)..<((index + 1) * dims)])
            let start = DispatchTime.now().uptimeNanoseconds
            let results = matrix.search(query, k: k, candidates: candidates, threads: threads)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            let expected = Set(truth[(index * k)..<((index + 1) * k)].map(Int64.init))
            hits += results.filter { expected.contains($0.id) }.count
        }
        times.sort()
        let p99Index = min(times.count - 1, Int((Double(times.count) * 0.99).rounded(.up)) - 1)
        return (times[times.count / 2], times[max(0, p99Index)], Double(hits) / Double(count * k))
    }

    private static func readFloats(_ url: URL) throws -> [Float] {
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

    private static func ms(_ value: Double) -> String { String(format: "%.2f", value) }
    private static func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }
}
