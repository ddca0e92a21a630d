import Foundation
import NIOPosix
import OnnxRuntime
import Testing
import ViewfinderCore
import ViewfinderTestSupport
import ViewfinderVision

/// The embedders on models/viewfinder-test-tiny-openclip (Immich layout: `image`/`text` inputs, int32 ids,
/// `embedding` output, batch axis fixed at 1), against outputs recorded with Python onnxruntime.
struct OpenCLIPEmbedderTests {
    private struct Golden: Decodable {
        struct Text: Decodable {
            let texts: [String]
            let input_ids: [[Int]]
            let embedding: [[Float]]
        }
        struct Image: Decodable {
            let embedding: [[Float]]
        }
        let text: Text
        let image: Image
    }

    private static let model = TestPaths.repositoryRoot.appendingPathComponent("models/viewfinder-test-tiny-openclip")

    private func golden() throws -> Golden {
        try JSONDecoder().decode(
            Golden.self,
            from: Data(contentsOf: TestPaths.goldens.appendingPathComponent("viewfinder-test-tiny-openclip.json")))
    }

    private func descriptor() throws -> ClipModelDescriptor {
        try ClipModelDescriptor.load(folder: Self.model)
    }

    private func runtime() throws -> OnnxRuntime {
        try OnnxRuntime(libraryPath: TestPaths.onnxRuntimeLibrary.path)
    }

    /// The golden image input: element i of the flat [count, 3, 224, 224] tensor.
    private func formulaImages(count: Int) -> [ImageTensor] {
        let perImage = 3 * 224 * 224
        return (0..<count).map { image in
            ImageTensor(size: 224, values: (0..<perImage).map { offset in
                let i = Int64(image * perImage + offset)
                return Float(Double((i * 7919) % 1000) / 500 - 1)
            })
        }
    }

    @Test func theFolderLoadsAsTheOpenCLIPLayout() throws {
        let descriptor = try descriptor()
        #expect(descriptor.layout == .openclip)
        #expect(descriptor.contextLength == 32)
        #expect(descriptor.embeddingDims == 64)
        #expect(descriptor.preprocessing.imageSize == 224)
        #expect(descriptor.paddingToken == "<|endoftext|>")
    }

    @Test func textEmbeddingsEqualPythonWithinTolerance() async throws {
        let golden = try golden().text
        let embedder = try OnnxTextEmbedder(
            descriptor: try descriptor(), runtime: try runtime(), options: SessionOptions(intraOpThreads: 1),
            threadPool: .singleton)
        for (index, text) in golden.texts.enumerated() {
            #expect(embedder.tokenIDs(for: text).ids == golden.input_ids[index])
        }
        // Two texts through a model whose batch axis is fixed at 1: run as two slices.
        let embeddings = try await embedder.embed(golden.texts)
        #expect(embeddings.count == golden.embedding.count)
        for (embedding, expected) in zip(embeddings, golden.embedding) {
            #expect(embedding.model == "viewfinder-test-tiny-openclip")
            #expect(embedding.dims == 64)
            let maxDifference = zip(embedding.vector, expected).map { abs($0 - $1) }.max() ?? 1
            #expect(maxDifference <= 1e-5)
        }
    }

    @Test func imageEmbeddingsEqualPythonWithinTolerance() async throws {
        let golden = try golden().image
        let embedder = try OnnxImageEmbedder(
            descriptor: try descriptor(), runtime: try runtime(), options: SessionOptions(intraOpThreads: 1),
            threadPool: .singleton)
        let embeddings = try await embedder.embed(formulaImages(count: 2))
        #expect(embeddings.count == 2)
        for (embedding, expected) in zip(embeddings, golden.embedding) {
            let maxDifference = zip(embedding.vector, expected).map { abs($0 - $1) }.max() ?? 1
            #expect(maxDifference <= 1e-5)
        }
    }

    @Test func aBatchLargerThanTheFixedAxisGivesTheSameRowsAsSingleRuns() async throws {
        let embedder = try OnnxImageEmbedder(
            descriptor: try descriptor(), runtime: try runtime(), options: SessionOptions(intraOpThreads: 1),
            threadPool: .singleton)
        let images = formulaImages(count: 3)
        let together = try await embedder.embed(images)
        #expect(together.count == 3)
        for (index, image) in images.enumerated() {
            let alone = try await embedder.embed([image])
            #expect(alone.first?.vector == together[index].vector)
        }
    }

    @Test func matryoshkaTruncationKeepsAPrefixOfTheImmichEmbedding() async throws {
        let golden = try golden().text
        let embedder = try OnnxTextEmbedder(
            descriptor: try descriptor().truncated(to: 16), runtime: try runtime(), options: SessionOptions(),
            threadPool: .singleton)
        let embedding = try #require(try await embedder.embed([golden.texts[0]]).first)
        #expect(embedding.dims == 16)
        let prefix = Array(golden.embedding[0].prefix(16))
        let norm = prefix.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let maxDifference = zip(embedding.vector, prefix.map { $0 / norm }).map { abs($0 - $1) }.max() ?? 1
        #expect(maxDifference <= 1e-5)
    }

    @Test func aModelWithoutTheLayoutsOutputNameIsRefusedWithItsOutputsListed() throws {
        // UForm's image tower (outputs `features`, `embeddings`) placed where the Immich layout expects `embedding`.
        let folder = try TestPaths.makeTemporaryDirectory("viewfinder-mixed")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("visual"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestPaths.tinyModel.appendingPathComponent("image_encoder.onnx"),
            to: folder.appendingPathComponent("visual/model.onnx"))
        let mixed = ClipModelDescriptor(
            id: "mixed", folder: folder, layout: .openclip,
            preprocessing: PreprocessSpec(
                imageSize: 224, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], resizeMode: .shortestSideThenCenterCrop),
            contextLength: 32, paddingID: 0, embeddingDims: 64)
        let error = try #require(throws: ViewfinderError.self) {
            _ = try OnnxImageEmbedder(descriptor: mixed, runtime: try runtime(), options: SessionOptions(), threadPool: .singleton)
        }
        #expect(error.message.contains("'embedding'"))
        #expect(error.message.contains("features, embeddings"))
    }
}
