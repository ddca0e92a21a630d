import Foundation
import OnnxRuntime

/// The deterministic inputs and the alternating timing loop of the encoder benchmark.
///
/// Inputs mirror tools/bench/encoder_reference.py exactly, so both sides run the same tensors.
enum EncoderWorkload {
    /// Which tower of a model.
    enum Tower: String, CaseIterable {
        case image
        case text
    }

    /// What the benchmark needs from a UForm-layout `config.json`.
    struct Config {
        let folder: URL
        let imageSize: Int
        let contextLength: Int
        let vocabularySize: Int

        private struct File: Decodable {
            struct Text: Decodable {
                let max_position_embeddings: Int
                let vocab_size: Int
            }
            struct Image: Decodable {
                let image_size: Int
            }
            let text_encoder: Text
            let image_encoder: Image
        }

        init(folder: URL) throws {
            let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: folder.appendingPathComponent("config.json")))
            self.folder = folder
            imageSize = file.image_encoder.image_size
            contextLength = file.text_encoder.max_position_embeddings
            vocabularySize = file.text_encoder.vocab_size
        }
    }

    /// One batch size measured on both sides.
    struct Result {
        let batch: Int
        let ours: Double
        let reference: Double
        let runs: Int
        let ourFirstRow: [Float]
        let referenceFirstRow: [Double]

        /// Our throughput over the reference's.
        var ratio: Double { reference / ours }
    }

    /// A run predicted to take longer than this needs no warm-up: the session is warm, first-run costs are noise.
    static let warmupLimitSeconds = 4.0
    /// The pause between the two sides' runs, so that ONNX Runtime's spinning pool threads of one go idle.
    static let pauseSeconds = 0.05

    /// Measures every batch size of `tower` with `threads` intra-op threads, alternating single runs with `reference`.
    ///
    /// Per batch size: one warm-up run on each side (skipped when the previous batch size predicts a run
    /// longer than ``warmupLimitSeconds``), then `ceil(target / expected)` runs each (1 to 8), the sides taking
    /// turns to go first; the best run of each side counts.
    static func measure(
        runtime: OnnxRuntime, config: Config, tower: Tower, threads: Int, batches: [Int], targetSeconds: Double,
        reference: EncoderReference
    ) throws -> [Result] {
        let path = config.folder.appendingPathComponent("\(tower.rawValue)_encoder.onnx").path
        let options = SessionOptions(
            intraOpThreads: threads, interOpThreads: 1, graphOptimizationLevel: .all, enableCPUMemArena: true,
            executionMode: .sequential, executionProvider: .cpu)
        let session = try InferenceSession(runtime: runtime, modelPath: path, options: options)
        var secondsPerRow: Double?
        var results: [Result] = []
        for batch in batches {
            let raw = tower == .image ? imageValues(batch: batch, size: config.imageSize) : []
            let ids = tower == .text ? tokenIDs(batch: batch, config: config) : []
            // Tensor construction is part of every timed run, as it is in the embedders.
            let ours = {
                try timedRun(session) { () throws(OnnxRuntimeError) in
                    tower == .image
                        ? ["images": try Tensor(shape: [batch, 3, config.imageSize, config.imageSize], floats: raw)]
                        : try textInputs(session: session, ids: ids, batch: batch, context: config.contextLength)
                }
            }
            let predicted = secondsPerRow.map { $0 * Double(batch) }
            var expected = predicted ?? 0
            if predicted.map({ $0 < warmupLimitSeconds }) ?? true {
                expected = try ours().seconds
                Thread.sleep(forTimeInterval: pauseSeconds)
                _ = try reference.run(batch: batch, runs: 1)
            }
            let runs = max(1, min(8, Int((targetSeconds / max(expected, 1e-6)).rounded(.up))))
            var best = (ours: Double.infinity, reference: Double.infinity)
            var rows = (ours: [Float](), reference: [Double]())
            for index in 0..<runs {
                for side in index.isMultiple(of: 2) ? [0, 1] : [1, 0] {
                    Thread.sleep(forTimeInterval: pauseSeconds)
                    if side == 0 {
                        let run = try ours()
                        best.ours = min(best.ours, run.seconds)
                        rows.ours = run.firstRow
                    } else {
                        let answer = try reference.run(batch: batch, runs: 1)
                        best.reference = min(best.reference, answer.seconds.min() ?? .infinity)
                        rows.reference = answer.first_row
                    }
                }
            }
            secondsPerRow = best.ours / Double(batch)
            results.append(Result(
                batch: batch, ours: best.ours, reference: best.reference, runs: runs,
                ourFirstRow: Array(rows.ours.prefix(8)), referenceFirstRow: rows.reference))
        }
        return results
    }

    /// One timed run: inputs built, model run, output copied; returns the time and row 0.
    private static func timedRun(
        _ session: InferenceSession, _ makeInputs: () throws(OnnxRuntimeError) -> [String: Tensor]
    ) throws -> (seconds: Double, firstRow: [Float]) {
        var output: [String: Tensor] = [:]
        let elapsed = try ContinuousClock().measure {
            output = try session.run(makeInputs(), outputNames: ["embeddings"])
        }
        let rows = try output["embeddings"].map { try $0.floatRows() } ?? []
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, rows.first ?? [])
    }

    /// `x[i] = ((i * 7919) % 1000) / 500 - 1` over the flat `[batch, 3, size, size]` tensor.
    static func imageValues(batch: Int, size: Int) -> [Float] {
        (0..<(batch * 3 * size * size)).map { index in Float(Double((Int64(index) * 7919) % 1000) / 500 - 1) }
    }

    /// `ids[b, t] = (b * 7919 + t * 104729) % (V - 2) + 2`, row-major over `[batch, context]`.
    static func tokenIDs(batch: Int, config: Config) -> [Int64] {
        let vocabulary = Int64(config.vocabularySize)
        return (0..<batch).flatMap { row in
            (0..<config.contextLength).map { position in
                (Int64(row) * 7919 + Int64(position) * 104_729) % (vocabulary - 2) + 2
            }
        }
    }

    /// The ids and an all-ones attention mask, typed as each input is declared.
    private static func textInputs(
        session: InferenceSession, ids: [Int64], batch: Int, context: Int
    ) throws(OnnxRuntimeError) -> [String: Tensor] {
        var inputs: [String: Tensor] = [:]
        for input in session.inputs {
            let values = input.name == "attention_mask" ? Array(repeating: 1, count: ids.count) : ids
            let shape = [batch, context]
            inputs[input.name] = input.elementType == .int64
                ? try Tensor(shape: shape, int64s: values) : try Tensor(shape: shape, int32s: values.map { Int32($0) })
        }
        return inputs
    }
}
