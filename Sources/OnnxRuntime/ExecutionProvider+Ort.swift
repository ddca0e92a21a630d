import COnnxRuntime

extension ExecutionProvider {
    /// Throws a readable error when the library does not list this provider.
    func checkAvailable(in runtime: OnnxRuntime) throws(OnnxRuntimeError) {
        guard !runtime.availableProviders.contains(providerName) else { return }
        let offered = runtime.availableProviders.joined(separator: ", ")
        switch self {
        case .cpu:
            throw OnnxRuntimeError(
                .providerUnavailable,
                "ONNX Runtime \(runtime.version) at \(runtime.libraryPath) has no CPU execution provider "
                    + "(it offers: \(offered)); this is not a usable ONNX Runtime build")
        case .cuda:
            throw OnnxRuntimeError(
                .providerUnavailable,
                "This ONNX Runtime library has no CUDA provider (\(runtime.libraryPath), ONNX Runtime "
                    + "\(runtime.version), offers: \(offered)). Install onnxruntime-gpu (`pip install "
                    + "onnxruntime-gpu`) and point VIEWFINDER_ORT_LIBRARY at its libonnxruntime.so, or run on the "
                    + "CPU with --device cpu.")
        }
    }

    /// Adds this provider to `options`; the CPU provider is always there and needs nothing.
    func append(to options: OpaquePointer, functions: OrtFunctionTable) throws(OnnxRuntimeError) {
        guard case .cuda(let deviceID) = self else { return }
        var created: OpaquePointer?
        try functions.check(
            functions.api.CreateCUDAProviderOptions(&created), "Could not create CUDA provider options",
            code: .providerUnavailable)
        guard let cudaOptions = created else {
            throw OnnxRuntimeError(.providerUnavailable, "ONNX Runtime returned no CUDA provider options")
        }
        defer { functions.api.ReleaseCUDAProviderOptions(cudaOptions) }
        let status = withCStrings(["device_id"]) { keys in
            withCStrings([String(deviceID)]) { values in
                functions.api.UpdateCUDAProviderOptions(cudaOptions, keys, values, keys.count)
            }
        }
        try functions.check(status, "CUDA device \(deviceID) is not a valid choice", code: .invalidArgument)
        // The provider library loads CUDA and cuDNN here; missing system libraries fail at this point.
        try functions.check(
            functions.api.SessionOptionsAppendExecutionProvider_CUDA_V2(options, cudaOptions),
            "Could not start ONNX Runtime's CUDA provider on device \(deviceID) (are the NVIDIA driver, CUDA and "
                + "cuDNN libraries that onnxruntime-gpu needs installed?)",
            code: .providerUnavailable)
    }
}
