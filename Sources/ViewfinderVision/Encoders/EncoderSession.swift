import NIOPosix
import OnnxRuntime
import ViewfinderCore

/// One ONNX encoder session plus the thread pool its blocking runs go to.
struct EncoderSession: Sendable {
    let session: InferenceSession
    let threadPool: NIOThreadPool
    let outputName: String

    init(path: String, runtime: OnnxRuntime, options: SessionOptions, threadPool: NIOThreadPool) throws(ViewfinderError) {
        do {
            session = try InferenceSession(runtime: runtime, modelPath: path, options: options)
        } catch {
            throw ViewfinderError(.encodeFailed, "cannot load the model file \(path): \(error.message)", underlying: error)
        }
        guard session.outputs.contains(where: { $0.name == "embeddings" }) else {
            let names = session.outputs.map(\.name).joined(separator: ", ")
            throw ViewfinderError(.invalidInput, "\(path) has no 'embeddings' output (it has: \(names))")
        }
        self.threadPool = threadPool
        self.outputName = "embeddings"
    }

    /// Runs the session off the cooperative pool and returns the embedding rows.
    func embeddingRows(_ inputs: [String: Tensor]) async throws(ViewfinderError) -> [[Float]] {
        let session = self.session
        let outputName = self.outputName
        do {
            return try await threadPool.runIfActive {
                let outputs = try session.run(inputs, outputNames: [outputName])
                guard let output = outputs[outputName] else {
                    throw OnnxRuntimeError(.runFailed, "the model returned no '\(outputName)' output")
                }
                return try output.floatRows()
            }
        } catch let error as OnnxRuntimeError {
            throw ViewfinderError(.encodeFailed, "the encoder failed: \(error.message)", underlying: error)
        } catch {
            throw ViewfinderError(.encodeFailed, "the encoder could not run (shutting down?)")
        }
    }
}
