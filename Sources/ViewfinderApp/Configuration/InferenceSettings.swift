import Foundation
public import OnnxRuntime
public import ViewfinderCore

/// How ONNX Runtime runs the encoders: device, threads, graph optimisation and memory arena.
public struct InferenceSettings: Sendable, Equatable {
    /// Where the encoders run (`cpu`, `cuda` or `cuda:N`); CUDA needs an onnxruntime-gpu library.
    public var device: ExecutionProvider
    /// Threads inside one operator.
    public var intraOpThreads: Int
    /// Threads for independent operators (used by ONNX Runtime's parallel execution mode).
    public var interOpThreads: Int
    /// How much ONNX Runtime rewrites the graph when a model is loaded.
    public var graphOptimization: SessionOptions.GraphOptimizationLevel
    /// Whether CPU allocations go through ONNX Runtime's memory arena.
    public var memoryArena: Bool

    /// Creates settings; the thread counts default (nil) to the number of cores.
    public init(
        device: ExecutionProvider = .cpu, intraOpThreads: Int? = nil, interOpThreads: Int? = nil,
        graphOptimization: SessionOptions.GraphOptimizationLevel = .all, memoryArena: Bool = true
    ) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        self.device = device
        self.intraOpThreads = intraOpThreads ?? cores
        self.interOpThreads = interOpThreads ?? cores
        self.graphOptimization = graphOptimization
        self.memoryArena = memoryArena
    }

    /// Reads `device`, `inter_op_threads`, `graph_optimization` and `memory_arena`; intra-op threads are `threads`.
    public init(sources: ConfigurationSources, threads: Int) throws(ViewfinderError) {
        self.init(intraOpThreads: threads)
        if let text = sources.value(.device) {
            guard let device = ExecutionProvider(parsing: text) else {
                throw ViewfinderError(.configurationInvalid, "device must be cpu, cuda or cuda:N, not '\(text)'")
            }
            self.device = device
        }
        if let text = sources.value(.interOpThreads) {
            guard let count = Int(text.trimmingCharacters(in: .whitespaces)), (1...256).contains(count) else {
                throw ViewfinderError(
                    .configurationInvalid, "inter-op-threads must be a whole number from 1 to 256, not '\(text)'")
            }
            interOpThreads = count
        }
        if let text = sources.value(.graphOptimization) {
            let levels: [String: SessionOptions.GraphOptimizationLevel] = [
                "disabled": .disabled, "basic": .basic, "extended": .extended, "all": .all,
            ]
            guard let level = levels[text.trimmingCharacters(in: .whitespaces).lowercased()] else {
                throw ViewfinderError(
                    .configurationInvalid, "graph-optimization must be disabled, basic, extended or all, not '\(text)'")
            }
            graphOptimization = level
        }
        if let text = sources.value(.memoryArena) {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "yes", "on", "1": memoryArena = true
            case "false", "no", "off", "0": memoryArena = false
            default:
                throw ViewfinderError(.configurationInvalid, "memory-arena must be true or false, not '\(text)'")
            }
        }
    }

    /// The ONNX Runtime session options these settings describe.
    public var sessionOptions: SessionOptions {
        SessionOptions(
            intraOpThreads: intraOpThreads, interOpThreads: interOpThreads, graphOptimizationLevel: graphOptimization,
            enableCPUMemArena: memoryArena, executionProvider: device)
    }
}
