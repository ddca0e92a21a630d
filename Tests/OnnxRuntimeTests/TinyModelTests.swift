import Foundation
import OnnxRuntime
import Testing
import ViewfinderTestSupport

/// The committed `viewfinder-test-tiny` model against its Python onnxruntime goldens.
@Suite("The committed tiny CLIP model")
struct TinyModelTests {
    private var imageEncoderPath: String { TestPaths.tinyModel.appendingPathComponent("image_encoder.onnx").path }
    private var textEncoderPath: String { TestPaths.tinyModel.appendingPathComponent("text_encoder.onnx").path }

    @Test("the image encoder declares images float32[N,3,224,224] → features, embeddings")
    func imageEncoderIntrospection() throws {
        let session = try InferenceSession(runtime: Fixtures.runtime(), modelPath: imageEncoderPath)
        let input = try #require(session.inputs.first)
        #expect(session.inputs.count == 1)
        #expect(input.name == "images")
        #expect(input.elementType == .float32)
        #expect(input.shape.count == 4)
        #expect(input.shape.dropFirst().map(\.fixedSize) == [3, 224, 224])
        #expect(input.shape.first?.fixedSize == nil)
        #expect(session.outputs.map(\.name) == ["features", "embeddings"])
        #expect(session.outputs.allSatisfy { $0.elementType == .float32 && $0.shape.count == 2 })
        #expect(session.outputs.map { $0.shape.last?.fixedSize } == [16, 64])
    }

    @Test("the text encoder declares int32 input_ids and attention_mask [N, L]")
    func textEncoderIntrospection() throws {
        let session = try InferenceSession(runtime: Fixtures.runtime(), modelPath: textEncoderPath)
        #expect(Set(session.inputs.map(\.name)) == ["input_ids", "attention_mask"])
        for input in session.inputs {
            #expect(input.elementType == .int32)
            #expect(input.shape.count == 2)
        }
        #expect(session.outputs.map(\.name) == ["features", "embeddings"])
        #expect(session.outputs.map(\.shape.count) == [3, 2])
    }

    @Test("image encoder outputs equal Python onnxruntime within 1e-5")
    func imageGoldens() throws {
        let goldens = try Goldens.load()
        let session = try InferenceSession(runtime: Fixtures.runtime(), modelPath: imageEncoderPath)
        let count = goldens.image.shape.reduce(1, *)
        let input = try Tensor(shape: goldens.image.shape, floats: Fixtures.goldenImageInput(count: count))
        let outputs = try session.run([goldens.image.input: input])

        try expectMatch(outputs, goldens.image.features, goldens.image.embeddings)
    }

    @Test("text encoder outputs equal Python onnxruntime within 1e-5")
    func textGoldens() throws {
        let goldens = try Goldens.load()
        let session = try InferenceSession(runtime: Fixtures.runtime(), modelPath: textEncoderPath)
        let shape = goldens.text.shape
        var inputs: [String: Tensor] = [:]
        for (name, golden) in [("input_ids", goldens.text.inputIDs), ("attention_mask", goldens.text.attentionMask)] {
            #expect(golden.shape == shape)
            let declared = session.inputs.first { $0.name == name }?.elementType
            inputs[name] = declared == .int64
                ? try Tensor(shape: shape, int64s: golden.values.map { Int64($0) })
                : try Tensor(shape: shape, int32s: golden.values.map { Int32($0) })
        }
        let outputs = try session.run(inputs)
        try expectMatch(outputs, goldens.text.features, goldens.text.embeddings)
    }

    /// Checks `features` and `embeddings` against the goldens: same shape, max abs difference ≤ 1e-5.
    private func expectMatch(_ outputs: [String: Tensor], _ features: NestedArray, _ embeddings: NestedArray) throws {
        for (name, golden) in [("features", features), ("embeddings", embeddings)] {
            let tensor = try #require(outputs[name])
            let difference = golden.maxAbsDifference(to: try tensor.floats(), shape: tensor.shape)
            #expect(
                difference <= 1e-5,
                "\(name): shape \(tensor.shape) vs \(golden.shape), max abs difference \(difference)"
            )
        }
    }

    @Test("one shared image encoder session run from several tasks matches sequential runs")
    func concurrentImageEncoding() async throws {
        let session = try InferenceSession(runtime: Fixtures.runtime(), modelPath: imageEncoderPath)
        let perImage = 3 * 224 * 224
        let base = Fixtures.goldenImageInput(count: perImage)
        let inputs = try (0..<6).map { shift in
            let pixels = base.map { ($0 + Float(shift) * 0.1).truncatingRemainder(dividingBy: 1) }
            return try Tensor(shape: [1, 3, 224, 224], floats: pixels)
        }
        let sequential = try inputs.map { input in
            try #require(session.run(["images": input])["embeddings"]).floats()
        }
        let concurrent = try await withThrowingTaskGroup(of: (Int, [Float]).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, try #require(session.run(["images": input])["embeddings"]).floats()) }
            }
            var results: [Int: [Float]] = [:]
            for try await (index, embedding) in group { results[index] = embedding }
            return results
        }
        for (index, expected) in sequential.enumerated() {
            let actual = try #require(concurrent[index])
            #expect(zip(actual, expected).map { abs($0 - $1) }.max() ?? 0 <= 1e-5)
        }
    }
}
