import COnnxRuntime

extension SessionOptions {
    /// Creates an `OrtSessionOptions*` carrying these options for `runtime`; the caller releases it.
    ///
    /// A provider the library does not list is refused before ONNX Runtime is asked for anything.
    func makeOrtOptions(for runtime: OnnxRuntime) throws(OnnxRuntimeError) -> OpaquePointer {
        let functions = runtime.functions
        try executionProvider.checkAvailable(in: runtime)
        let intraOp = try Self.threadCount(intraOpThreads, label: "intraOpThreads")
        let interOp = try Self.threadCount(interOpThreads, label: "interOpThreads")
        var created: OpaquePointer?
        try functions.check(
            functions.api.CreateSessionOptions(&created),
            "Could not create ONNX Runtime session options"
        )
        guard let options = created else {
            throw OnnxRuntimeError(.runtimeFailure, "ONNX Runtime returned no session options")
        }
        do throws(OnnxRuntimeError) {
            let context = "Could not apply ONNX Runtime session options"
            var statuses = [
                functions.api.SetIntraOpNumThreads(options, intraOp),
                functions.api.SetInterOpNumThreads(options, interOp),
                functions.api.SetSessionGraphOptimizationLevel(options, graphOptimizationLevel.rawValue),
                functions.api.SetSessionExecutionMode(options, executionMode.rawValue),
                enableCPUMemArena
                    ? functions.api.EnableCpuMemArena(options)
                    : functions.api.DisableCpuMemArena(options),
            ]
            if !allowSpinning {
                // Session config keys documented in onnxruntime_session_options_config_keys.h.
                for key in ["session.intra_op.allow_spinning", "session.inter_op.allow_spinning"] {
                    statuses.append(functions.api.AddSessionConfigEntry(options, key, "0"))
                }
            }
            // Every status is checked (and so released), even after the first failure.
            var firstError: OnnxRuntimeError?
            for status in statuses {
                do throws(OnnxRuntimeError) {
                    try functions.check(status, context, code: .invalidArgument)
                } catch {
                    firstError = firstError ?? error
                }
            }
            if let firstError { throw firstError }
            try executionProvider.append(to: options, functions: functions)
            return options
        } catch {
            functions.api.ReleaseSessionOptions(options)
            throw error
        }
    }

    /// A thread count as ORT's `int`, or an error if it is negative or too large.
    private static func threadCount(_ count: Int, label: String) throws(OnnxRuntimeError) -> Int32 {
        guard count >= 0, let value = Int32(exactly: count) else {
            throw OnnxRuntimeError(
                .invalidArgument,
                "Session option \(label) must be 0 (automatic) or a positive thread count, not \(count)"
            )
        }
        return value
    }
}
