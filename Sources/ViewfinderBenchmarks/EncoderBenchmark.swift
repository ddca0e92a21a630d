import ArgumentParser
import Foundation
import OnnxRuntime

/// Encoder throughput through Viewfinder's ONNX Runtime binding against Python onnxruntime, same run.
///
/// For every model folder (UForm layout), tower and thread count, both sides load the model once
/// (the Python reference, tools/bench/encoder_reference.py, stays running) and each batch size is
/// measured on the same deterministic tensors with single runs that alternate between the sides,
/// so both share whatever else the machine is doing (see ``EncoderWorkload``).
struct EncoderBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encoder",
        abstract: "Measures image and text encoder throughput against Python onnxruntime in the same run."
    )

    @Option(help: "Folder of bench model folders (tools/models/generate_bench_models.py).")
    var models = "var/bench/models"

    @Option(help: "Path of libonnxruntime.so.")
    var ortLibrary = ".vendor/onnxruntime/lib/libonnxruntime.so"

    @Option(help: "The Python that runs the reference.")
    var python = ".vendor/venv/bin/python3"

    @Option(help: "The reference script.")
    var reference = "tools/bench/encoder_reference.py"

    @Option(help: "Comma-separated batch sizes.")
    var batches = "1,8,32"

    @Option(help: "Comma-separated intra-op thread counts.")
    var threads = "1,2"

    @Option(help: "Runs per side and measurement aim for this many seconds (1 to 8 runs).")
    var targetSeconds = 2.0

    @Option(help: "Folder for the raw results (results.json).")
    var work = "var/bench/encoder"

    @Option(help: "The BENCHMARKS.md file whose encoder section is rewritten.")
    var output = "BENCHMARKS.md"

    func run() throws {
        let runtime = try OnnxRuntime(libraryPath: ortLibrary)
        let batchSizes = try Self.integers(batches, label: "batches")
        let threadCounts = try Self.integers(threads, label: "threads")
        let folders = try Self.modelFolders(in: URL(fileURLWithPath: models))
        let started = Date()
        var rows: [[String]] = []
        var raw: [[String: String]] = []
        var ratios: [Double] = []
        for folder in folders {
            let config = try EncoderWorkload.Config(folder: folder)
            for tower in EncoderWorkload.Tower.allCases {
                for threadCount in threadCounts {
                    let python = try EncoderReference(
                        python: python, script: reference, model: folder, tower: tower, threads: threadCount)
                    defer { python.close() }
                    let results = try EncoderWorkload.measure(
                        runtime: runtime, config: config, tower: tower, threads: threadCount, batches: batchSizes,
                        targetSeconds: targetSeconds, reference: python)
                    for result in results {
                        ratios.append(result.ratio)
                        let difference = zip(result.ourFirstRow, result.referenceFirstRow)
                            .map { abs(Double($0) - $1) }.max() ?? .nan
                        let row = [
                            folder.lastPathComponent, tower.rawValue, "\(result.batch)", "\(threadCount)",
                            String(format: "%.2f", Double(result.batch) / result.ours),
                            String(format: "%.2f", Double(result.batch) / result.reference),
                            String(format: "%.3f", result.ratio), "\(result.runs)", String(format: "%.1e", difference),
                        ]
                        print(row.joined(separator: "  "))
                        rows.append(row)
                        raw.append([
                            "model": folder.lastPathComponent, "tower": tower.rawValue, "batch": "\(result.batch)",
                            "threads": "\(threadCount)", "ours_seconds": "\(result.ours)",
                            "reference_seconds": "\(result.reference)", "runs": "\(result.runs)",
                        ])
                    }
                }
            }
        }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        try JSONEncoder().encode(raw).write(to: URL(fileURLWithPath: work).appendingPathComponent("results.json"))
        let minutes = Date().timeIntervalSince(started) / 60
        let header = [
            "model", "tower", "batch", "threads", "Viewfinder rows/s", "onnxruntime (Python) rows/s",
            "ratio (goal ≥ 0.95)", "runs each", "max abs. difference, row 0",
        ]
        let table = BenchmarkReport.table(header: header, rows: rows)
        print(table)
        let sorted = ratios.sorted()
        let median = sorted.isEmpty ? .nan : sorted[sorted.count / 2]
        let summary = String(
            format: "Ratio = Viewfinder ÷ Python throughput: median %.3f, lowest %.3f, highest %.3f; %d of %d ≥ 0.95.",
            median, sorted.first ?? .nan, sorted.last ?? .nan, ratios.filter { $0 >= 0.95 }.count, ratios.count)
        print(summary)
        let body = """
            ## Encoders (ONNX Runtime through Viewfinder's binding vs. Python onnxruntime)

            `make bench-encoder` — \(BenchmarkReport.machineDescription()); ONNX Runtime \(runtime.version) \
            (`\(ortLibrary)`, the library of the same PyPI wheel as the Python side); measured \(Self.timestamp()) \
            in \(String(format: "%.0f", minutes)) minutes.

            Random-weight models with the shapes and operators of UForm3 multilingual-base (ViT-B/16 image tower at \
            224 px, about 35 GFLOP per picture; 12-layer 384-wide text tower with a 250k vocabulary, 50 tokens) and \
            OpenCLIP ViT-B/32, in float32 and int8 (`quantize_dynamic` over MatMul and Gather), built by \
            `tools/models/generate_bench_models.py`. Rows per second = pictures (image tower) or texts (text tower) \
            per second from the best run. Both sides use the same tensors and the same session options (N intra-op \
            threads, 1 inter-op thread, sequential, all graph optimisations, CPU arena); Viewfinder times \
            `InferenceSession.run` with tensor creation and output copy, Python times `InferenceSession.run` from \
            numpy. Per batch size: one warm-up run each (none when a run is predicted to take over 4 s), then single \
            runs alternating between the sides (who goes first alternates too), 1–8 each. The last column compares \
            the first eight values of the first embedding from both sides.

            \(summary)

            Note: the machine was shared with other engineers' builds while this ran, so single rows are noisy \
            (some two-thread rows are slower than one-thread rows for that reason); alternating single runs lets \
            both sides share that noise, and the median ratio is the number to read.

            \(table)
            """
        try BenchmarkReport.writeSection("encoder", body: body, to: URL(fileURLWithPath: output))
    }

    private static func modelFolders(in root: URL) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        let folders = names.map { root.appendingPathComponent($0) }.filter {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("config.json").path)
        }
        guard !folders.isEmpty else {
            throw ValidationError("no model folders in \(root.path); run tools/models/generate_bench_models.py first")
        }
        return folders
    }

    private static func integers(_ text: String, label: String) throws -> [Int] {
        let values = text.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--\(label) must be a comma-separated list of positive numbers")
        }
        return values
    }

    private static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date())
    }
}
