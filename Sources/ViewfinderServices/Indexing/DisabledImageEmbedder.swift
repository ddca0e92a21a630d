public import ViewfinderCore

/// Stands in for the image encoder when CLIP is off: runs follow files and store metadata, and never embed.
///
/// No model has to be installed or loaded for such runs.
public struct DisabledImageEmbedder: ImageEmbedding {
    /// The configured model (so that listings can say which pictures lack its embedding).
    public let model: ModelID
    /// The configured dimension (0 when unknown; nothing is embedded anyway).
    public let dims: Int
    /// Unused; embedding never happens.
    public let preprocessing = PreprocessSpec(imageSize: 1, mean: [0, 0, 0], std: [1, 1, 1])

    /// Creates a stand-in for `model` at `dims`.
    public init(model: ModelID, dims: Int) {
        self.model = model
        self.dims = dims
    }

    public func embed(_ images: [ImageTensor]) async throws(ViewfinderError) -> [Embedding] {
        throw ViewfinderError(.configurationInvalid, "CLIP is disabled (clip_enabled: false or clip_run: never)")
    }
}
