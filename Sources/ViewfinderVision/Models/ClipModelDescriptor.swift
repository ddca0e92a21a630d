public import Tokenizers
public import Foundation
public import ViewfinderCore

/// Everything Viewfinder needs to know about an installed model, read from its own files.
public struct ClipModelDescriptor: Sendable, Equatable {
    /// The catalogue name, which is also the folder name.
    public let id: ModelID
    /// The model folder.
    public let folder: URL
    /// The folder's layout.
    public let layout: ModelLayout
    /// How pictures are prepared for the image encoder.
    public let preprocessing: PreprocessSpec
    /// The resampling filter the model was trained with (`bicubic`, `bilinear`, …), when its files say.
    public let interpolation: String?
    /// The text encoder's fixed token count.
    public let contextLength: Int
    /// The id used to pad token sequences (used when `paddingToken` is nil).
    public let paddingID: Int
    /// The token used to pad sequences, resolved to an id with the tokenizer (OpenCLIP layout).
    public let paddingToken: String?
    /// How query text is cleaned before tokenisation.
    public let textCleaning: TextCleaning
    /// The dimension of the shared embedding space, as the encoders produce it.
    public let embeddingDims: Int
    /// The dimension embeddings are stored and compared at: `embeddingDims`, or fewer (matryoshka truncation).
    public let dims: Int

    /// Creates a descriptor; `dims` defaults to `embeddingDims`.
    public init(
        id: ModelID, folder: URL, layout: ModelLayout, preprocessing: PreprocessSpec, contextLength: Int,
        paddingID: Int, embeddingDims: Int, dims: Int? = nil, paddingToken: String? = nil,
        textCleaning: TextCleaning = .none, interpolation: String? = nil
    ) {
        self.id = id
        self.folder = folder
        self.layout = layout
        self.preprocessing = preprocessing
        self.interpolation = interpolation
        self.contextLength = contextLength
        self.paddingID = paddingID
        self.paddingToken = paddingToken
        self.textCleaning = textCleaning
        self.embeddingDims = embeddingDims
        self.dims = dims ?? embeddingDims
    }

    /// The same model with embeddings truncated to their first `dims` components (then renormalised).
    ///
    /// `dims` must be between 1 and the model's `embeddingDims`.
    public func truncated(to dims: Int) throws(ViewfinderError) -> ClipModelDescriptor {
        guard (1...embeddingDims).contains(dims) else {
            throw ViewfinderError(
                .configurationInvalid,
                "dims \(dims) does not fit \(id): its embeddings have \(embeddingDims) components (use 1-\(embeddingDims))")
        }
        return ClipModelDescriptor(
            id: id, folder: folder, layout: layout, preprocessing: preprocessing, contextLength: contextLength,
            paddingID: paddingID, embeddingDims: embeddingDims, dims: dims, paddingToken: paddingToken,
            textCleaning: textCleaning, interpolation: interpolation)
    }

    /// The image encoder's ONNX file.
    public var imageEncoderURL: URL {
        folder.appendingPathComponent(layout.imageEncoderPath)
    }

    /// The text encoder's ONNX file.
    public var textEncoderURL: URL {
        folder.appendingPathComponent(layout.textEncoderPath)
    }

    /// The tokenizer definition.
    public var tokenizerURL: URL {
        folder.appendingPathComponent(layout.tokenizerPath)
    }
}
