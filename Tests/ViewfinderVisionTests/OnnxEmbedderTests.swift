import Foundation
import NIOPosix
import OnnxRuntime
import Testing
import ViewfinderCore
import ViewfinderTestSupport
import ViewfinderVision

/// The embedders on the real ONNX Runtime, against outputs recorded with Python onnxruntime.
struct OnnxEmbedderTests {
    private struct Golden: Decodable {
        struct Text: Decodable {
            let texts: [String]
            let input_ids: [[Int]]
            let attention_mask: [[Int]]
            let embeddings: [[Float]]
        }
        struct Image: Decodable {
            let embeddings: [[Float]]
        }
        let text: Text
        let image: Image
    }

    private func golden() throws -> Golden {
        try JSONDecoder().decode(
            Golden.self, from: Data(contentsOf: TestPaths.goldens.appendingPathComponent("viewfinder-test-tiny.json")))
    }

    private func runtime() throws -> OnnxRuntime {
        try OnnxRuntime(libraryPath: TestPaths.onnxRuntimeLibrary.path)
    }

    @Test func textEmbeddingsEqualPythonWithinTolerance() async throws {
        let golden = try golden().text
        let descriptor = try ClipModelDescriptor.load(folder: TestPaths.tinyModel)
        let embedder = try OnnxTextEmbedder(
            descriptor: descriptor, runtime: try runtime(), options: SessionOptions(intraOpThreads: 1),
            threadPool: .singleton)
        for (index, text) in golden.texts.enumerated() {
            let tokens = embedder.tokenIDs(for: text)
            #expect(tokens.ids == golden.input_ids[index])
            #expect(tokens.attentionMask == golden.attention_mask[index])
        }
        let embeddings = try await embedder.embed(golden.texts)
        for (embedding, expected) in zip(embeddings, golden.embeddings) {
            let reference = VectorMath.normalized(expected)
            #expect(embedding.dims == 64)
            let maxDifference = zip(embedding.vector, reference).map { abs($0 - $1) }.max() ?? 1
            #expect(maxDifference <= 1e-5)
            #expect(abs(VectorMath.dot(embedding.vector, embedding.vector) - 1) < 1e-5)
        }
    }

    @Test func imageEmbeddingsEqualPythonWithinTolerance() async throws {
        let golden = try golden().image
        let descriptor = try ClipModelDescriptor.load(folder: TestPaths.tinyModel)
        let embedder = try OnnxImageEmbedder(
            descriptor: descriptor, runtime: try runtime(), options: SessionOptions(intraOpThreads: 1),
            threadPool: .singleton)
        let perImage = 3 * 224 * 224
        let tensors = (0..<2).map { image in
            ImageTensor(size: 224, values: (0..<perImage).map { offset in
                let i = Int64(image * perImage + offset)
                return Float((i * 7919) % 1000) / 500 - 1
            })
        }
        let embeddings = try await embedder.embed(tensors)
        #expect(embeddings.count == 2)
        for (embedding, expected) in zip(embeddings, golden.embeddings) {
            let reference = VectorMath.normalized(expected)
            let maxDifference = zip(embedding.vector, reference).map { abs($0 - $1) }.max() ?? 1
            #expect(maxDifference <= 1e-5)
        }
    }

    @Test func wrongSizedTensorsAreRejected() async throws {
        let descriptor = try ClipModelDescriptor.load(folder: TestPaths.tinyModel)
        let embedder = try OnnxImageEmbedder(
            descriptor: descriptor, runtime: try runtime(), options: SessionOptions(), threadPool: .singleton)
        await #expect(throws: ViewfinderError.self) {
            _ = try await embedder.embed([ImageTensor(size: 8, values: Array(repeating: 0, count: 192))])
        }
    }
}
