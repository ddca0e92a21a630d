import NIOPosix
import OnnxRuntime
import ViewfinderCore

/// One ONNX encoder session plus the thread pool its blocking runs go to.
///
/// Everything about the model's tensors is read from the model itself: the embedding output's
/// name (UForm's `embeddings`, Immich's `embedding`), and whether the export fixes its batch axis
/// (Immich's exports fix it at 1), in which case a batch is run in slices of that size.
struct EncoderSession: Sendable {
    /// The loaded model, shared by concurrent callers.
    let session: InferenceSession
    /// Where the blocking runs go.
    let threadPool: NIOThreadPool
    /// The output holding one embedding per row.
    let outputName: String
    /// Rows per run when the model fixes its batch axis; nil when the axis is free.
    let fixedBatchSize: Int?
    /// The model file, for messages.
    let path: String

    /// Loads `path` and picks the embedding output that `layout`'s exports use.
    init(
        path: String, layout: ModelLayout, runtime: OnnxRuntime, options: SessionOptions, threadPool: NIOThreadPool
    ) throws(ViewfinderError) {
        do {
            session = try InferenceSession(runtime: runtime, modelPath: path, options: options)
        } catch where error.code == .providerUnavailable {
            // A device problem, not a model problem: say only what is wrong with the device.
            throw ViewfinderError(.configurationInvalid, error.message, underlying: error)
        } catch {
            throw ViewfinderError(.encodeFailed, "cannot load the model file \(path): \(error.message)", underlying: error)
        }
        self.path = path
        self.threadPool = threadPool
        outputName = try Self.embeddingOutput(of: session, layout: layout, path: path)
        fixedBatchSize = nil
    }

    private init(copying other: EncoderSession, fixedBatchSize: Int?) {
        session = other.session
        threadPool = other.threadPool
        outputName = other.outputName
        path = other.path
        self.fixedBatchSize = fixedBatchSize
    }

    /// The same session, reading its batch axis from `input` (the model's main input).
    func batching(by input: TensorInfo) throws(ViewfinderError) -> EncoderSession {
        guard let axis = input.shape.first else {
            throw ViewfinderError(.invalidInput, "\(path): input '\(input.name)' has no batch axis (\(input))")
        }
        guard let size = axis.fixedSize else { return EncoderSession(copying: self, fixedBatchSize: nil) }
        guard size >= 1 else {
            throw ViewfinderError(.invalidInput, "\(path): input '\(input.name)' has an empty batch axis (\(input))")
        }
        return EncoderSession(copying: self, fixedBatchSize: size)
    }

    /// The declared size of `input`'s axis `index`, nil when it is symbolic, or an error if the rank is wrong.
    func declaredSize(of input: TensorInfo, axis index: Int, rank: Int) throws(ViewfinderError) -> Int? {
        guard input.shape.count == rank else {
            throw ViewfinderError(
                .invalidInput, "\(path): input '\(input.name)' should have \(rank) axes but is declared as \(input)")
        }
        return input.shape[index].fixedSize
    }

    /// Throws when the model declares an embedding width other than `dims` (the width its config promises).
    func checkEmbeddingWidth(_ dims: Int) throws(ViewfinderError) {
        guard let output = session.outputs.first(where: { $0.name == outputName }),
            let width = output.shape.last?.fixedSize, width != dims
        else { return }
        throw ViewfinderError(
            .invalidInput, "\(path) returns \(width)-component embeddings but its config promises \(dims)")
    }

    /// Runs `count` rows off the cooperative pool and returns one embedding row per input row.
    ///
    /// `makeInputs(rows, size)` builds the input tensors for `rows` with `size` rows in total;
    /// rows past `rows.count` are padding, needed when the model's batch axis is fixed and larger.
    func embeddingRows(
        count: Int,
        _ makeInputs: @escaping @Sendable (Range<Int>, Int) throws(OnnxRuntimeError) -> [String: Tensor]
    ) async throws(ViewfinderError) -> [[Float]] {
        let session = self.session
        let outputName = self.outputName
        let slice = fixedBatchSize ?? max(count, 1)
        do {
            return try await threadPool.runIfActive {
                var rows: [[Float]] = []
                rows.reserveCapacity(count)
                for start in stride(from: 0, to: count, by: slice) {
                    let range = start..<min(start + slice, count)
                    let size = fixedBatchSize ?? range.count
                    let outputs = try session.run(try makeInputs(range, size), outputNames: [outputName])
                    guard let output = outputs[outputName] else {
                        throw OnnxRuntimeError(.runFailed, "the model returned no '\(outputName)' output")
                    }
                    let produced = try output.floatRows()
                    guard produced.count == size else {
                        throw OnnxRuntimeError(
                            .runFailed, "the model returned \(produced.count) rows for a batch of \(size)")
                    }
                    rows.append(contentsOf: produced.prefix(range.count))
                }
                return rows
            }
        } catch let error as OnnxRuntimeError {
            throw ViewfinderError(.encodeFailed, "the encoder failed: \(error.message)", underlying: error)
        } catch {
            throw ViewfinderError(.encodeFailed, "the encoder could not run (shutting down?)")
        }
    }

    /// The output named as `layout`'s exports name it, else the model's only output.
    private static func embeddingOutput(
        of session: InferenceSession, layout: ModelLayout, path: String
    ) throws(ViewfinderError) -> String {
        let expected: String
        switch layout {
        case .uform: expected = "embeddings"
        case .openclip: expected = "embedding"
        }
        let outputs = session.outputs
        let chosen = outputs.first { $0.name == expected } ?? (outputs.count == 1 ? outputs.first : nil)
        guard let chosen else {
            let names = outputs.map(\.name).joined(separator: ", ")
            throw ViewfinderError(.invalidInput, "\(path) has no '\(expected)' output (it has: \(names))")
        }
        guard chosen.shape.count == 2, [.float32, .float16].contains(chosen.elementType) else {
            throw ViewfinderError(
                .invalidInput, "\(path): output \(chosen) is not a float matrix of one embedding per row")
        }
        return chosen.name
    }
}
