import Foundation
import OnnxRuntime
import Testing

/// Choosing where ONNX Runtime runs: parsing the setting, the CPU default and CUDA on a CPU-only library.
@Suite("Execution providers")
struct ExecutionProviderTests {
    @Test("cpu, cuda and cuda:N parse; anything else does not")
    func parsing() {
        #expect(ExecutionProvider(parsing: "cpu") == .cpu)
        #expect(ExecutionProvider(parsing: " CPU ") == .cpu)
        #expect(ExecutionProvider(parsing: "cuda") == .cuda(deviceID: 0))
        #expect(ExecutionProvider(parsing: "CUDA:1") == .cuda(deviceID: 1))
        for invalid in ["", "gpu", "cuda:", "cuda:-1", "cuda:x", "cudax", "rocm"] {
            #expect(ExecutionProvider(parsing: invalid) == nil, "\(invalid)")
        }
        #expect(ExecutionProvider.cuda(deviceID: 2).description == "cuda:2")
        #expect(ExecutionProvider.cuda().providerName == "CUDAExecutionProvider")
        #expect(SessionOptions().executionProvider == .cpu)
    }

    @Test("the CPU provider loads and runs a model")
    func cpu() throws {
        let session = try Fixtures.session(
            TestModels.affine, name: "affine.onnx", options: SessionOptions(intraOpThreads: 1, executionProvider: .cpu))
        let x: [Float] = [1, 2, 3, 4]
        let output = try session.run(["x": Tensor(shape: [1, 4], floats: x)], outputNames: ["y"])
        #expect(try output["y"]?.floats() == TestModels.affineReference(x, rows: 1))
    }

    @Test("CUDA on a library without the CUDA provider is a clear error, before ONNX Runtime is asked")
    func cudaOnACPUOnlyLibrary() throws {
        let runtime = try Fixtures.runtime()
        // The bootstrapped library is the CPU wheel's; this test is about exactly that case.
        try #require(!runtime.availableProviders.contains("CUDAExecutionProvider"))
        let error = try #require(throws: OnnxRuntimeError.self) {
            try Fixtures.withModelFile(TestModels.affine, name: "affine.onnx") { path in
                try InferenceSession(
                    runtime: runtime, modelPath: path, options: SessionOptions(executionProvider: .cuda(deviceID: 0)))
            }
        }
        #expect(error.code == .providerUnavailable)
        #expect(error.message.contains("no CUDA provider"))
        #expect(error.message.contains("onnxruntime-gpu"))
        #expect(error.message.contains(runtime.libraryPath))
        #expect(error.message.contains("CPUExecutionProvider"))
    }

    @Test("the binding asks for C API version 11, the lowest with every function it calls")
    func apiVersion() throws {
        #expect(OnnxRuntime.requiredAPIVersion == 11)
        #expect(OnnxRuntime.oldestSupportedRelease == "1.16")
        let runtime = try Fixtures.runtime()
        let parts = runtime.version.split(separator: ".").compactMap { Int($0) }
        try #require(parts.count >= 2)
        #expect(parts[0] > 1 || parts[1] >= 16, "the bootstrapped ONNX Runtime \(runtime.version) is older than 1.16")
    }
}
