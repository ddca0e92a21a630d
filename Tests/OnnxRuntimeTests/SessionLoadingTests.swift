import Foundation
import OnnxRuntime
import Testing
import ViewfinderTestSupport

/// Loading models into sessions: missing and corrupt files, introspection, options.
@Suite("Creating inference sessions")
struct SessionLoadingTests {
    @Test("a missing model file (or a directory) gives a readable error naming the path")
    func missingModel() throws {
        let runtime = try Fixtures.runtime()
        try Fixtures.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("missing.onnx").path
            let error = try #require(throws: OnnxRuntimeError.self) {
                try InferenceSession(runtime: runtime, modelPath: path)
            }
            #expect(error.code == .modelNotFound)
            #expect(error.message.contains(path))

            let directoryError = try #require(throws: OnnxRuntimeError.self) {
                try InferenceSession(runtime: runtime, modelPath: directory.path)
            }
            #expect(directoryError.code == .modelNotFound)
            #expect(directoryError.message.contains("directory"))
        }
    }

    @Test("a corrupt model file gives an error carrying ONNX Runtime's message", arguments: ["text", "binary"])
    func corruptModel(kind: String) throws {
        let contents = kind == "text"
            ? Array("this is not an onnx model, just some text\n".utf8)
            : (0..<4096).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 7) }
        let runtime = try Fixtures.runtime()
        try Fixtures.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("corrupt.onnx")
            try Data(contents).write(to: url)
            let error = try #require(throws: OnnxRuntimeError.self) {
                try InferenceSession(runtime: runtime, modelPath: url.path)
            }
            #expect(error.code == .modelInvalid)
            #expect(error.message.contains(url.path))
            let detail = try #require(error.underlying as? OrtStatusDetail)
            #expect(!detail.message.isEmpty)
            #expect(error.message.hasSuffix(detail.message))
        }
    }

    @Test("inputs and outputs are described with types and symbolic dimensions")
    func introspection() throws {
        let session = try Fixtures.session(TestModels.affine, name: "affine.onnx")
        #expect(session.inputs == [
            TensorInfo(name: "x", elementType: .float32, shape: [.symbolic("batch"), .fixed(4)])
        ])
        #expect(session.outputs == [
            TensorInfo(name: "y", elementType: .float32, shape: [.symbolic("batch"), .fixed(3)]),
            TensorInfo(name: "y16", elementType: .float16, shape: [.symbolic("batch"), .fixed(3)]),
        ])
        #expect(session.inputs[0].description == "x: float32[batch, 4]")
    }

    @Test(
        "every session option combination loads and runs",
        arguments: SessionOptions.GraphOptimizationLevel.allCases
    )
    func sessionOptions(level: SessionOptions.GraphOptimizationLevel) throws {
        let runtime = try Fixtures.runtime()
        let x: [Float] = [1, 2, 3, 4]
        try Fixtures.withModelFile(TestModels.affine, name: "affine.onnx") { path in
            for mode in SessionOptions.ExecutionMode.allCases {
                for (arena, spinning) in [(true, true), (false, false)] {
                    let options = SessionOptions(
                        intraOpThreads: 2, interOpThreads: 1,
                        graphOptimizationLevel: level, enableCPUMemArena: arena, executionMode: mode,
                        allowSpinning: spinning
                    )
                    let session = try InferenceSession(runtime: runtime, modelPath: path, options: options)
                    let output = try session.run(["x": Tensor(shape: [1, 4], floats: x)], outputNames: ["y"])
                    #expect(try output["y"]?.floats() == TestModels.affineReference(x, rows: 1))
                }
            }
        }
    }

    @Test("negative thread counts are rejected before reaching ONNX Runtime")
    func negativeThreads() throws {
        let error = try #require(throws: OnnxRuntimeError.self) {
            try Fixtures.session(TestModels.affine, name: "affine.onnx", options: SessionOptions(intraOpThreads: -1))
        }
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("intraOpThreads"))
    }
}
