/// How ONNX Runtime should prepare and execute a model.
public struct SessionOptions: Sendable, Hashable {
    /// How much ONNX Runtime rewrites the graph before running it.
    public enum GraphOptimizationLevel: Int32, Sendable, CaseIterable {
        /// No rewriting.
        case disabled = 0
        /// Semantics-preserving node eliminations and constant folding.
        case basic = 1
        /// Basic plus complex node fusions.
        case extended = 2
        /// Everything, including layout optimizations.
        case all = 99
    }

    /// Whether independent graph branches may run concurrently.
    public enum ExecutionMode: Int32, Sendable, CaseIterable {
        /// Nodes run one at a time (each may still use intra-op threads).
        case sequential = 0
        /// Independent nodes run concurrently on the inter-op pool.
        case parallel = 1
    }

    /// Threads used inside one operator; 0 lets ONNX Runtime choose (one per physical core).
    public var intraOpThreads: Int
    /// Threads used to run independent operators in ``ExecutionMode/parallel`` mode; 0 lets ONNX Runtime choose.
    public var interOpThreads: Int
    /// How aggressively the graph is optimized when the session is created.
    public var graphOptimizationLevel: GraphOptimizationLevel
    /// Whether CPU allocations go through ONNX Runtime's memory arena (faster, holds on to memory).
    public var enableCPUMemArena: Bool
    /// Sequential or parallel execution of the graph.
    public var executionMode: ExecutionMode
    /// Where operators run; anything but the CPU must be compiled into the loaded library.
    public var executionProvider: ExecutionProvider
    /// Whether idle worker threads spin while waiting for work (ONNX Runtime's default); off hands the cores to
    /// other work between operators, such as decoding the next pictures.
    public var allowSpinning: Bool

    /// Creates options; the defaults are ONNX Runtime's own, on the CPU.
    public init(
        intraOpThreads: Int = 0,
        interOpThreads: Int = 0,
        graphOptimizationLevel: GraphOptimizationLevel = .all,
        enableCPUMemArena: Bool = true,
        executionMode: ExecutionMode = .sequential,
        executionProvider: ExecutionProvider = .cpu,
        allowSpinning: Bool = true
    ) {
        self.intraOpThreads = intraOpThreads
        self.interOpThreads = interOpThreads
        self.graphOptimizationLevel = graphOptimizationLevel
        self.enableCPUMemArena = enableCPUMemArena
        self.executionMode = executionMode
        self.executionProvider = executionProvider
        self.allowSpinning = allowSpinning
    }
}
