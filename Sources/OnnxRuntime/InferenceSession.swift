import COnnxRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A model loaded into ONNX Runtime, ready to run; one instance can be shared by many threads.
public final class InferenceSession: @unchecked Sendable {
    // Sendable is sound: ORT documents OrtSession::Run as safe to call concurrently on one session,
    // the memory info is only read, and every other stored property is immutable after init.

    /// The runtime the session was created with; kept alive as long as the session.
    public let runtime: OnnxRuntime
    /// The model file the session was loaded from.
    public let modelPath: String
    /// The model's inputs, in declaration order.
    public let inputs: [TensorInfo]
    /// The model's outputs, in declaration order.
    public let outputs: [TensorInfo]

    /// The `OrtSession*`.
    let handle: OpaquePointer
    /// The `OrtMemoryInfo*` describing Swift-owned CPU buffers passed as inputs.
    let memoryInfo: OpaquePointer

    /// Loads the model at `modelPath`.
    ///
    /// A missing file is reported before ONNX Runtime is involved; a file ONNX Runtime rejects
    /// produces ``OnnxRuntimeError/Code/modelInvalid`` carrying ONNX Runtime's message.
    public init(
        runtime: OnnxRuntime,
        modelPath: String,
        options: SessionOptions = SessionOptions()
    ) throws(OnnxRuntimeError) {
        var fileStatus = stat()
        guard stat(modelPath, &fileStatus) == 0 else {
            throw OnnxRuntimeError(.modelNotFound, "Model file not found at \(modelPath)")
        }
        guard fileStatus.st_mode & S_IFMT != S_IFDIR else {
            throw OnnxRuntimeError(.modelNotFound, "Expected an ONNX model file at \(modelPath) but found a directory")
        }
        let functions = runtime.functions
        let session = try Self.createSession(runtime: runtime, modelPath: modelPath, options: options)
        do throws(OnnxRuntimeError) {
            let inputs = try Self.describe(session, .input, functions: functions)
            let outputs = try Self.describe(session, .output, functions: functions)
            var createdInfo: OpaquePointer?
            // OrtDeviceAllocator (0), not the arena: the buffers are plain Swift memory that ORT only borrows.
            let deviceAllocator: Int32 = 0
            let defaultMemoryType: Int32 = 0  // OrtMemTypeDefault
            try functions.check(
                functions.api.CreateCpuMemoryInfo(deviceAllocator, defaultMemoryType, &createdInfo),
                "Could not describe CPU memory to ONNX Runtime"
            )
            guard let memoryInfo = createdInfo else {
                throw OnnxRuntimeError(.runtimeFailure, "ONNX Runtime returned no CPU memory description")
            }
            self.runtime = runtime
            self.modelPath = modelPath
            self.inputs = inputs
            self.outputs = outputs
            self.handle = session
            self.memoryInfo = memoryInfo
        } catch {
            functions.api.ReleaseSession(session)
            throw error
        }
    }

    deinit {
        runtime.functions.api.ReleaseMemoryInfo(memoryInfo)
        runtime.functions.api.ReleaseSession(handle)
    }

    /// Creates the `OrtSession*`, translating ORT's failure into a model error.
    private static func createSession(
        runtime: OnnxRuntime,
        modelPath: String,
        options: SessionOptions
    ) throws(OnnxRuntimeError) -> OpaquePointer {
        let functions = runtime.functions
        let ortOptions = try options.makeOrtOptions(for: runtime)
        // ORT copies the options into the session, so they can go as soon as it exists.
        defer { functions.api.ReleaseSessionOptions(ortOptions) }
        var created: OpaquePointer?
        try functions.check(
            functions.api.CreateSession(runtime.environment, modelPath, ortOptions, &created),
            "Could not load the ONNX model at \(modelPath)",
            code: { $0.isNoSuchFile ? .modelNotFound : .modelInvalid }
        )
        guard let session = created else {
            throw OnnxRuntimeError(.modelInvalid, "ONNX Runtime returned no session for \(modelPath)")
        }
        return session
    }
}
