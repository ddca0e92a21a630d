import Foundation
public import NIOPosix
public import OnnxRuntime
import Tokenizers
public import ViewfinderCore

/// Embeds texts with a model's tokenizer and ONNX text encoder.
public struct OnnxTextEmbedder: TextEmbedding {
    public let model: ModelID
    public let dims: Int
    private let encoder: EncoderSession
    private let tokenizer: Tokenizer
    private let contextLength: Int
    private let paddingID: Int
    private let idsInput: TensorInfo
    private let maskInput: TensorInfo?

    /// Loads the tokenizer and text encoder of `descriptor`.
    public init(
        descriptor: ClipModelDescriptor, runtime: OnnxRuntime, options: SessionOptions, threadPool: NIOThreadPool
    ) throws(ViewfinderError) {
        do {
            tokenizer = try Tokenizer(contentsOf: descriptor.tokenizerURL)
        } catch {
            throw ViewfinderError(.invalidInput, "cannot load \(descriptor.tokenizerURL.path): \(error.message)", underlying: error)
        }
        encoder = try EncoderSession(
            path: descriptor.textEncoderURL.path, runtime: runtime, options: options, threadPool: threadPool)
        let inputs = encoder.session.inputs
        guard let ids = inputs.first(where: { $0.name == "input_ids" }) ?? inputs.first,
            [.int32, .int64].contains(ids.elementType)
        else {
            throw ViewfinderError(.invalidInput, "\(descriptor.textEncoderURL.path) does not take integer token ids")
        }
        idsInput = ids
        maskInput = inputs.first { $0.name == "attention_mask" }
        model = descriptor.id
        dims = descriptor.embeddingDims
        contextLength = descriptor.contextLength
        paddingID = descriptor.paddingID
    }

    public func embed(_ texts: [String]) async throws(ViewfinderError) -> [Embedding] {
        guard !texts.isEmpty else { return [] }
        let encodings = texts.map { tokenizer.encode($0, length: contextLength, paddingID: paddingID) }
        var inputs: [String: Tensor] = [:]
        do {
            let shape = [texts.count, contextLength]
            inputs[idsInput.name] = try Self.tensor(encodings.flatMap(\.ids), shape: shape, type: idsInput.elementType)
            if let maskInput {
                inputs[maskInput.name] = try Self.tensor(
                    encodings.flatMap(\.attentionMask), shape: shape, type: maskInput.elementType)
            }
        } catch {
            throw ViewfinderError(.encodeFailed, error.message, underlying: error)
        }
        let rows = try await encoder.embeddingRows(inputs)
        return rows.map { Embedding(model: model, vector: $0).normalized() }
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
