import ArgumentParser
import Foundation
import OnnxRuntime

/// End-to-end indexing throughput of `viewfinder index` against the encoder alone and a Python pipeline, same run.
///
/// For every bench model variant: (a) the floor, the image tower alone on pre-made tensors in this process, with
/// the same intra-op threads and batch size; (b) `viewfinder index --json` as a child process on a fresh SQLite
/// catalog over the bench library (scan, hash, libvips decode, metadata, encode, write); (c) the Python reference
/// (tools/bench/index_reference.py: Pillow then onnxruntime in batches, like uform-image-search). Both children are
/// timed from spawn to exit (model loading included) and their peak RSS is their `VmHWM`, sampled every 50 ms.
struct IndexBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Measures end-to-end indexing against the encoder alone and a Python Pillow + onnxruntime pipeline."
    )

    @Option(help: "Pictures in the bench library (replicated from the sources, each with its own content hash).")
    var photos = 1000

    @Option(help: "Pictures encoded for the floor (pre-made tensors; the rate needs fewer than the library).")
    var floorPhotos = 256

    @Option(help: "sets.json of `make bench-decode` (tools/reference/bench_decode.py prepare).")
    var sets = "var/bench/decode/sets.json"

    @Option(help: "Comma-separated sets of sets.json whose pictures make the library.")
    var sources = "wallpapers,12mp"

    @Option(help: "Folder of bench model folders (tools/models/generate_bench_models.py).")
    var models = "var/bench/models"

    @Option(help: "Comma-separated model folders to measure.")
    var variants = "bench-uform3-multilingual-base-fp32,bench-uform3-multilingual-base-int8"

    @Option(help: "Threads: ONNX Runtime intra-op threads on every side, and `viewfinder --threads`.")
    var threads = 2

    @Option(help: "Pictures per encoder batch on every side.")
    var batch = 16

    @Option(help: "The viewfinder binary (default: next to this one).")
    var viewfinder: String?

    @Option(help: "Path of libonnxruntime.so.")
    var ortLibrary = ".vendor/onnxruntime/lib/libonnxruntime.so"

    @Option(help: "The Python that runs the reference.")
    var python = ".vendor/venv/bin/python3"

    @Option(help: "The reference script.")
    var reference = "tools/bench/index_reference.py"

    @Option(help: "Work folder (library, catalogs, raw results).")
    var work = "var/bench/index"

    @Option(help: "The BENCHMARKS.md file whose index section is rewritten.")
    var output = "BENCHMARKS.md"

    /// One variant's three measurements.
    struct Row: Codable {
        let model: String
        let floorImagesPerSecond: Double
        let viewfinderImages: Int
        let viewfinderSeconds: Double
        let viewfinderRSSKiB: Int
        let pythonImages: Int
        let pythonSeconds: Double
        let pythonLoopSeconds: Double
        let pythonRSSKiB: Int

        var viewfinderRate: Double { Double(viewfinderImages) / viewfinderSeconds }
        var pythonRate: Double { Double(pythonImages) / pythonSeconds }
    }

    func run() throws {
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        let started = Date()
        let library = workURL.appendingPathComponent("library-\(photos)")
        let sourceFiles = try IndexLibrary.sources(
            setsFile: URL(fileURLWithPath: sets), sets: sources.split(separator: ",").map(String.init))
        let files = try IndexLibrary.prepare(folder: library, sources: sourceFiles, count: photos)
        let listFile = workURL.appendingPathComponent("library-\(photos).txt")
        try files.joined(separator: "\n").write(to: listFile, atomically: true, encoding: .utf8)
        print("library: \(files.count) pictures from \(sourceFiles.count) sources in \(library.path)")
        let runtime = try OnnxRuntime(libraryPath: ortLibrary)
        let binary = viewfinder ?? Bundle.main.executableURL.map {
            $0.deletingLastPathComponent().appendingPathComponent("viewfinder").path
        } ?? "viewfinder"
        var rows: [Row] = []
        for variant in variants.split(separator: ",").map(String.init) {
            let folder = URL(fileURLWithPath: models).standardizedFileURL.appendingPathComponent(variant)
            let floor = try Self.floor(runtime: runtime, folder: folder, threads: threads, batch: batch, photos: floorPhotos)
            print("\(variant): floor \(String(format: "%.2f", floor)) images/s")
            let ours = try runViewfinder(binary: binary, variant: variant, folder: folder, library: library, work: workURL)
            print("\(variant): viewfinder \(ours.images) in \(String(format: "%.1f", ours.outcome.seconds)) s")
            let theirs = try runPython(folder: folder, list: listFile, work: workURL.appendingPathComponent(variant))
            print("\(variant): python \(theirs.images) in \(String(format: "%.1f", theirs.outcome.seconds)) s")
            rows.append(Row(
                model: variant, floorImagesPerSecond: floor, viewfinderImages: ours.images,
                viewfinderSeconds: ours.outcome.seconds, viewfinderRSSKiB: ours.outcome.maxRSSKiB,
                pythonImages: theirs.images, pythonSeconds: theirs.outcome.seconds, pythonLoopSeconds: theirs.loopSeconds,
                pythonRSSKiB: theirs.outcome.maxRSSKiB))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(rows).write(to: workURL.appendingPathComponent("results.json"))
        }
        let minutes = Date().timeIntervalSince(started) / 60
        try IndexBenchmarkReport(
            rows: rows, photos: photos, sources: sourceFiles.count, threads: threads, batch: batch,
            floorPhotos: floorPhotos, ortVersion: runtime.version, minutes: minutes
        ).write(to: URL(fileURLWithPath: output))
    }

    /// Images per second of the image tower alone on one pre-made batch, run until `photos` pictures were encoded.
    static func floor(runtime: OnnxRuntime, folder: URL, threads: Int, batch: Int, photos: Int) throws -> Double {
        let config = try EncoderWorkload.Config(folder: folder)
        let options = SessionOptions(
            intraOpThreads: threads, interOpThreads: 1, graphOptimizationLevel: .all, enableCPUMemArena: true,
            executionMode: .sequential, executionProvider: .cpu)
        let session = try InferenceSession(
            runtime: runtime, modelPath: folder.appendingPathComponent("image_encoder.onnx").path, options: options)
        let size = config.imageSize
        let values = EncoderWorkload.imageValues(batch: batch, size: size)
        let once = { () throws in
            _ = try session.run(["images": try Tensor(shape: [batch, 3, size, size], floats: values)], outputNames: ["embeddings"])
        }
        try once()  // warm-up: first-run allocations are not part of a steady indexing rate
        let runs = max(1, (photos + batch - 1) / batch)
        let elapsed = try ContinuousClock().measure { for _ in 0..<runs { try once() } }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(runs * batch) / seconds
    }

    private func runViewfinder(
        binary: String, variant: String, folder: URL, library: URL, work: URL
    ) throws -> (images: Int, outcome: MeasuredProcess.Outcome) {
        let run = work.appendingPathComponent("run-\(variant)")
        let manager = FileManager.default
        try? manager.removeItem(at: run)
        let clip = run.appendingPathComponent("models/clip")
        try manager.createDirectory(at: clip, withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: clip.appendingPathComponent(variant), withDestinationURL: folder)
        let stdout = run.appendingPathComponent("index.jsonl").path
        let outcome = try MeasuredProcess.run(
            executable: binary,
            arguments: [
                "index", "--json", "--storage", run.appendingPathComponent("storage").path,
                "--models-path", run.appendingPathComponent("models").path, "--model", variant,
                "--ort-library", ortLibrary, "--threads", "\(threads)", "--batch-size", "\(batch)", library.path,
            ],
            standardOutput: stdout)
        let lines = try String(contentsOfFile: stdout, encoding: .utf8).split(separator: "\n")
        guard outcome.status == 0, let last = lines.last,
            let report = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any],
            let embedded = report["embedded"] as? Int
        else { throw BenchmarkFailure("viewfinder index failed (status \(outcome.status)); see \(stdout)") }
        if let failures = report["failures"] as? [Any], !failures.isEmpty {
            throw BenchmarkFailure("viewfinder index failed on \(failures.count) pictures; see \(stdout)")
        }
        return (embedded, outcome)
    }

    private func runPython(
        folder: URL, list: URL, work: URL
    ) throws -> (images: Int, loopSeconds: Double, outcome: MeasuredProcess.Outcome) {
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let result = work.appendingPathComponent("python.json")
        let outcome = try MeasuredProcess.run(
            executable: python,
            arguments: [
                reference, "--model", folder.path, "--threads", "\(threads)", "--batch", "\(batch)",
                "--out", result.path, "--list", list.path,
            ],
            standardOutput: work.appendingPathComponent("python.log").path)
        struct Answer: Decodable {
            let images: Int
            let seconds: Double
            let failures: Int
        }
        guard outcome.status == 0 else { throw BenchmarkFailure("the Python reference failed (status \(outcome.status))") }
        let answer = try JSONDecoder().decode(Answer.self, from: Data(contentsOf: result))
        guard answer.failures == 0 else { throw BenchmarkFailure("the Python reference failed on \(answer.failures) pictures") }
        return (answer.images, answer.seconds, outcome)
    }
}
