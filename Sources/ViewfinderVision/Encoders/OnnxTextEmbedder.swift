import Foundation
public import NIOPosix
public import OnnxRuntime
import Tokenizers
public import ViewfinderCore

/// Embeds texts with a model's tokenizer and ONNX text encoder.
///
/// The token input (UForm's `input_ids` + `attention_mask`, Immich's `text`), its element type
/// (int32 or int64) and its declared shape are read from the model; a fixed batch axis is
/// honoured by slicing. Query text is cleaned as the model's training code cleaned it.
public struct OnnxTextEmbedder: TextEmbedding {
    public let model: ModelID
    public let dims: Int
    private let encoder: EncoderSession
    private let tokenizer: Tokenizer
    private let fullDims: Int
    private let contextLength: Int
    private let paddingID: Int
    private let idsInput: TensorInfo
    private let maskInput: TensorInfo?

    /// Loads the tokenizer and text encoder of `descriptor`.
    public init(
        descriptor: ClipModelDescriptor, runtime: OnnxRuntime, options: SessionOptions, threadPool: NIOThreadPool
    ) throws(ViewfinderError) {
        // The tokenizer applies the cleaning the descriptor names (from the catalogue entry or the model's config).
        do {
            tokenizer = try Tokenizer(contentsOf: descriptor.tokenizerURL, cleaning: descriptor.textCleaning)
        } catch {
            throw ViewfinderError(.invalidInput, "cannot load \(descriptor.tokenizerURL.path): \(error.message)", underlying: error)
        }
        let path = descriptor.textEncoderURL.path
        let loaded = try EncoderSession(
            path: path, layout: descriptor.layout, runtime: runtime, options: options, threadPool: threadPool)
        let inputs = loaded.session.inputs
        let integerTypes: [TensorElementType] = [.int32, .int64]
        let mask = inputs.first { $0.name == "attention_mask" }
        let candidates = inputs.filter { $0.name != "attention_mask" }
        guard let ids = candidates.first(where: { ["input_ids", "text"].contains($0.name) }) ?? candidates.first,
            candidates.count == 1, integerTypes.contains(ids.elementType),
            mask.map({ integerTypes.contains($0.elementType) }) ?? true
        else {
            let declared = inputs.map(\.description).joined(separator: ", ")
            throw ViewfinderError(.invalidInput, "\(path) should take integer token ids (and a mask), not \(declared)")
        }
        if let length = try loaded.declaredSize(of: ids, axis: 1, rank: 2), length != descriptor.contextLength {
            throw ViewfinderError(
                .invalidInput, "\(path) takes \(length) tokens but the model's config says \(descriptor.contextLength)")
        }
        encoder = try loaded.batching(by: ids)
        try encoder.checkEmbeddingWidth(descriptor.embeddingDims)
        idsInput = ids
        maskInput = mask
        model = descriptor.id
        dims = descriptor.dims
        fullDims = descriptor.embeddingDims
        contextLength = descriptor.contextLength
        // OpenCLIP exports name their padding token (Immich pads with it); UForm configs give the id directly.
        if let token = descriptor.paddingToken {
            guard let id = tokenizer.id(of: token) else {
                throw ViewfinderError(
                    .invalidInput, "\(descriptor.tokenizerURL.path) has no padding token '\(token)'")
            }
            paddingID = id
        } else {
            paddingID = descriptor.paddingID
        }
    }

    public func embed(_ texts: [String]) async throws(ViewfinderError) -> [Embedding] {
        guard !texts.isEmpty else { return [] }
        let encodings = texts.map { tokenizer.encode($0, length: self.contextLength, paddingID: self.paddingID) }
        let (idsInput, maskInput, contextLength, paddingID) = (self.idsInput, self.maskInput, self.contextLength, self.paddingID)
        let rows = try await encoder.embeddingRows(count: texts.count) { (range, rowCount) throws(OnnxRuntimeError) in
            let padding = rowCount - range.count
            let shape = [rowCount, contextLength]
            let ids = encodings[range].flatMap(\.ids) + repeatElement(paddingID, count: padding * contextLength)
            var inputs = [idsInput.name: try Self.tensor(ids, shape: shape, type: idsInput.elementType)]
            if let maskInput {
                let mask = encodings[range].flatMap(\.attentionMask) + repeatElement(0, count: padding * contextLength)
                inputs[maskInput.name] = try Self.tensor(mask, shape: shape, type: maskInput.elementType)
            }
            return inputs
        }
        return try rows.map { row throws(ViewfinderError) in
            try EmbeddingRows.embedding(row, model: model, dims: dims, fullDims: fullDims)
        }
    }

    /// The token ids of `text` as the encoder receives them (for diagnostics and tests).
    public func tokenIDs(for text: String) -> (ids: [Int], attentionMask: [Int]) {
        let encoding = tokenizer.encode(text, length: contextLength, paddingID: paddingID)
        return (encoding.ids, encoding.attentionMask)
    }

    private static func tensor(_ values: [Int], shape: [Int], type: TensorElementType) throws(OnnxRuntimeError) -> Tensor {
        type == .int64
            ? try Tensor(shape: shape, int64s: values.map(Int64.init))
            : try Tensor(shape: shape, int32s: values.map { Int32(truncatingIfNeeded: $0) })
    }
}
