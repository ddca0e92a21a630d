import OnnxRuntime
import Testing

/// Running generated models: element types, output selection and argument errors.
@Suite("Running inference")
struct RunTests {
    @Test("float32 inputs produce float32 and float16 outputs matching the reference")
    func affine() throws {
        let session = try Fixtures.session(TestModels.affine, name: "affine.onnx")
        let x: [Float] = [1, -2, 0.5, 3, 0, 1, 2, -1]
        let outputs = try session.run(["x": Tensor(shape: [2, 4], floats: x)])
        let expected = TestModels.affineReference(x, rows: 2)

        let y = try #require(outputs["y"])
        #expect(y.shape == [2, 3])
        #expect(y.elementType == .float32)
        #expect(try y.floats() == expected)
        #expect(try y.floatRows() == [Array(expected[0..<3]), Array(expected[3..<6])])

        let y16 = try #require(outputs["y16"])
        #expect(y16.elementType == .float16)
        #expect(y16.shape == [2, 3])
        for (half, full) in zip(try y16.floats(), expected) {
            #expect(abs(half - full) <= abs(full) / 1024 + 1e-3)
        }
    }

    @Test("only the requested outputs are returned")
    func requestedOutputs() throws {
        let session = try Fixtures.session(TestModels.affine, name: "affine.onnx")
        let outputs = try session.run(["x": Tensor(shape: [1, 4], floats: [1, 1, 1, 1])], outputNames: ["y16"])
        #expect(Array(outputs.keys) == ["y16"])
    }

    @Test("int32, int64 and float16 inputs round-trip unchanged")
    func integerAndHalfInputs() throws {
        let session = try Fixtures.session(TestModels.identities, name: "identities.onnx")
        #expect(session.inputs.map(\.elementType) == [.int32, .int64, .float16])
        let a: [Int32] = [Int32.min, -1, 0, Int32.max]
        let b: [Int64] = [Int64.min, -1, 1 << 40, Int64.max]
        let h: [Float] = [-2.5, 0, 0.099975586, 65504]
        let outputs = try session.run([
            "a": Tensor(shape: [4], int32s: a),
            "b": Tensor(shape: [4], int64s: b),
            "h": Tensor(shape: [4], float16From: h),
        ])
        #expect(try outputs["a_out"]?.int32s() == a)
        #expect(try outputs["b_out"]?.int64s() == b)
        #expect(try outputs["h_out"]?.floats() == h)
    }

    @Test("zero-sized batches run and return empty tensors")
    func emptyBatch() throws {
        let session = try Fixtures.session(TestModels.affine, name: "affine.onnx")
        let outputs = try session.run(["x": Tensor(shape: [0, 4], floats: [])])
        #expect(outputs["y"]?.shape == [0, 3])
        #expect(try outputs["y"]?.floats() == [])
    }

    @Test("a wrong input shape is an invalid argument carrying ONNX Runtime's message")
    func wrongShape() throws {
        let session = try Fixtures.session(TestModels.affine, name: "affine.onnx")
        let error = try #require(throws: OnnxRuntimeError.self) {
            try session.run(["x": Tensor(shape: [1, 5], floats: [1, 2, 3, 4, 5])])
        }
        #expect(error.code == .invalidArgument)
        let detail = try #require(error.underlying as? OrtStatusDetail)
        #expect(detail.isInvalidArgument)
        #expect(error.message.contains(detail.message))
    }

    @Test("a wrong element type is reported, not crashed on")
    func wrongElementType() throws {
        let session = try Fixtures.session(TestModels.affine, name: "affine.onnx")
        let error = try #require(throws: OnnxRuntimeError.self) {
            try session.run(["x": Tensor(shape: [1, 4], int32s: [1, 2, 3, 4])])
        }
        #expect(error.code == .invalidArgument)
    }

    @Test("unknown input and output names and missing inputs are rejected")
    func badNames() throws {
        let session = try Fixtures.session(TestModels.affine, name: "affine.onnx")
        let input = try Tensor(shape: [1, 4], floats: [1, 2, 3, 4])

        let unknownInput = try #require(throws: OnnxRuntimeError.self) { try session.run(["nope": input]) }
        #expect(unknownInput.code == .invalidArgument)
        #expect(unknownInput.message.contains("nope"))

        let unknownOutput = try #require(throws: OnnxRuntimeError.self) {
            try session.run(["x": input], outputNames: ["nope"])
        }
        #expect(unknownOutput.code == .invalidArgument)
        #expect(unknownOutput.message.contains("nope"))

        let noOutputs = try #require(throws: OnnxRuntimeError.self) { try session.run(["x": input], outputNames: []) }
        #expect(noOutputs.code == .invalidArgument)

        let missingInput = try #require(throws: OnnxRuntimeError.self) { try session.run([:]) }
        #expect(missingInput.code == .invalidArgument)
    }
}
