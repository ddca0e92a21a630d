import COnnxRuntime

extension SessionOptions {
    /// Creates an `OrtSessionOptions*` carrying these options; the caller releases it.
    func makeOrtOptions(_ functions: OrtFunctionTable) throws(OnnxRuntimeError) -> OpaquePointer {
        for (label, count) in [("intraOpThreads", intraOpThreads), ("interOpThreads", interOpThreads)]
        where count < 0 || count > Int(Int32.max) {
            throw OnnxRuntimeError(.invalidArgument, "Session option \(label) must be 0 (automatic) or a positive thread count, not \(count)")
        }
        var created: OpaquePointer?
        try functions.check(functions.api.CreateSessionOptions(&created), "Could not create ONNX Runtime session options")
        guard let options = created else {
            throw OnnxRuntimeError(.runtimeFailure, "ONNX Runtime returned no session options")
        }
        do throws(OnnxRuntimeError) {
            let api = functions.api
            let context = "Could not apply ONNX Runtime session options"
            try functions.check(api.SetIntraOpNumThreads(options, Int32(intraOpThreads)), context, code: .invalidArgument)
            try functions.check(api.SetInterOpNumThreads(options, Int32(interOpThreads)), context, code: .invalidArgument)
            try functions.check(
                api.SetSessionGraphOptimizationLevel(options, graphOptimizationLevel.rawValue), context, code: .invalidArgument
            )
            try functions.check(api.SetSessionExecutionMode(options, executionMode.rawValue), context, code: .invalidArgument)
            try functions.check(
                enableCPUMemArena ? api.EnableCpuMemArena(options) : api.DisableCpuMemArena(options),
                context,
                code: .invalidArgument
            )
            return options
        } catch {
            functions.api.ReleaseSessionOptions(options)
            throw error
        }
    }
}
