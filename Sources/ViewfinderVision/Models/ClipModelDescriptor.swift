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
    /// The text encoder's fixed token count.
    public let contextLength: Int
    /// The id used to pad token sequences.
    public let paddingID: Int
    /// The dimension of the shared embedding space.
    public let embeddingDims: Int

    /// Creates a descriptor.
    public init(
        id: ModelID, folder: URL, layout: ModelLayout, preprocessing: PreprocessSpec, contextLength: Int,
        paddingID: Int, embeddingDims: Int
    ) {
        self.id = id
        self.folder = folder
        self.layout = layout
        self.preprocessing = preprocessing
        self.contextLength = contextLength
        self.paddingID = paddingID
        self.embeddingDims = embeddingDims
    }

    /// The image encoder's ONNX file.
    public var imageEncoderURL: URL {
        folder.appendingPathComponent("image_encoder.onnx")
    }

    /// The text encoder's ONNX file.
    public var textEncoderURL: URL {
        folder.appendingPathComponent("text_encoder.onnx")
    }

    /// The tokenizer definition.
    public var tokenizerURL: URL {
        folder.appendingPathComponent("tokenizer.json")
    }
}
