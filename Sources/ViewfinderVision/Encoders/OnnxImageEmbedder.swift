import Foundation
public import NIOPosix
public import OnnxRuntime
public import ViewfinderCore

/// Embeds preprocessed pictures with a model's ONNX image encoder.
public struct OnnxImageEmbedder: ImageEmbedding {
    public let model: ModelID
    public let dims: Int
    public let preprocessing: PreprocessSpec
    private let encoder: EncoderSession
    private let inputName: String

    /// Loads the image encoder of `descriptor`.
    public init(
        descriptor: ClipModelDescriptor, runtime: OnnxRuntime, options: SessionOptions, threadPool: NIOThreadPool
    ) throws(ViewfinderError) {
        encoder = try EncoderSession(
            path: descriptor.imageEncoderURL.path, runtime: runtime, options: options, threadPool: threadPool)
        guard let input = encoder.session.inputs.first, input.elementType == .float32 else {
            throw ViewfinderError(.invalidInput, "\(descriptor.imageEncoderURL.path) does not take a float32 image input")
        }
        inputName = input.name
        model = descriptor.id
        dims = descriptor.embeddingDims
        preprocessing = descriptor.preprocessing
    }

    public func embed(_ images: [ImageTensor]) async throws(ViewfinderError) -> [Embedding] {
        guard !images.isEmpty else { return [] }
        let size = preprocessing.imageSize
        guard images.allSatisfy({ $0.size == size }) else {
            throw ViewfinderError(.invalidInput, "image tensors must be \(size)×\(size) for \(model)")
        }
        var values: [Float] = []
        values.reserveCapacity(images.count * 3 * size * size)
        for image in images { values.append(contentsOf: image.values) }
        let tensor: Tensor
        do {
            tensor = try Tensor(shape: [images.count, 3, size, size], floats: values)
        } catch {
            throw ViewfinderError(.encodeFailed, error.message, underlying: error)
        }
        let rows = try await encoder.embeddingRows([inputName: tensor])
        return rows.map { Embedding(model: model, vector: $0).normalized() }
    }
}
