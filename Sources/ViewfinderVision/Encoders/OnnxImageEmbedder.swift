import Foundation
public import NIOPosix
public import OnnxRuntime
public import ViewfinderCore

/// Embeds preprocessed pictures with a model's ONNX image encoder.
///
/// The input (UForm's `images`, Immich's `image`; float32 or float16) and its declared shape are
/// read from the model; a fixed batch axis (Immich's exports fix it at 1) is honoured by slicing.
public struct OnnxImageEmbedder: ImageEmbedding {
    public let model: ModelID
    public let dims: Int
    public let preprocessing: PreprocessSpec
    private let fullDims: Int
    private let encoder: EncoderSession
    private let input: TensorInfo

    /// Loads the image encoder of `descriptor`.
    public init(
        descriptor: ClipModelDescriptor, runtime: OnnxRuntime, options: SessionOptions, threadPool: NIOThreadPool
    ) throws(ViewfinderError) {
        let path = descriptor.imageEncoderURL.path
        let loaded = try EncoderSession(
            path: path, layout: descriptor.layout, runtime: runtime, options: options, threadPool: threadPool)
        let inputs = loaded.session.inputs
        guard let input = inputs.first(where: { $0.shape.count == 4 && [.float32, .float16].contains($0.elementType) }),
            inputs.count == 1
        else {
            let declared = inputs.map(\.description).joined(separator: ", ")
            throw ViewfinderError(.invalidInput, "\(path) should take one float image tensor [N, 3, H, W], not \(declared)")
        }
        let size = descriptor.preprocessing.imageSize
        let channels = try loaded.declaredSize(of: input, axis: 1, rank: 4)
        let height = try loaded.declaredSize(of: input, axis: 2, rank: 4)
        let width = try loaded.declaredSize(of: input, axis: 3, rank: 4)
        guard channels ?? 3 == 3, height ?? size == size, width ?? size == size else {
            throw ViewfinderError(
                .invalidInput, "\(path) takes \(input) but the model's config prepares 3×\(size)×\(size) pictures")
        }
        encoder = try loaded.batching(by: input)
        try encoder.checkEmbeddingWidth(descriptor.embeddingDims)
        self.input = input
        model = descriptor.id
        dims = descriptor.dims
        fullDims = descriptor.embeddingDims
        preprocessing = descriptor.preprocessing
    }

    public func embed(_ images: [ImageTensor]) async throws(ViewfinderError) -> [Embedding] {
        guard !images.isEmpty else { return [] }
        let size = preprocessing.imageSize
        guard images.allSatisfy({ $0.size == size && $0.values.count == 3 * size * size }) else {
            throw ViewfinderError(.invalidInput, "image tensors must be 3×\(size)×\(size) for \(model)")
        }
        let input = self.input
        let rows = try await encoder.embeddingRows(count: images.count) { (range, rowCount) throws(OnnxRuntimeError) in
            let perImage = 3 * size * size
            var values: [Float] = []
            values.reserveCapacity(rowCount * perImage)
            for image in images[range] { values.append(contentsOf: image.values) }
            values.append(contentsOf: repeatElement(0, count: (rowCount - range.count) * perImage))
            let shape = [rowCount, 3, size, size]
            let tensor = input.elementType == .float16
                ? try Tensor(shape: shape, float16From: values) : try Tensor(shape: shape, floats: values)
            return [input.name: tensor]
        }
        return try rows.map { row throws(ViewfinderError) in
            try EmbeddingRows.embedding(row, model: model, dims: dims, fullDims: fullDims)
        }
    }
}
