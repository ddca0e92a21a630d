/// Turns preprocessed pictures into L2-normalised embeddings of one model.
public protocol ImageEmbedding: Sendable {
    /// The model (and thus vector space) this embedder produces.
    var model: ModelID { get }
    /// The number of components of every embedding it returns.
    var dims: Int { get }
    /// The preprocessing the model expects.
    var preprocessing: PreprocessSpec { get }
    /// Embeds a batch; the result has one embedding per tensor, in order.
    func embed(_ images: [ImageTensor]) async throws(ViewfinderError) -> [Embedding]
}

/// Turns query texts into L2-normalised embeddings in the same space as an `ImageEmbedding`.
public protocol TextEmbedding: Sendable {
    /// The model (and thus vector space) this embedder produces.
    var model: ModelID { get }
    /// The number of components of every embedding it returns.
    var dims: Int { get }
    /// Embeds a batch of texts; the result has one embedding per text, in order.
    func embed(_ texts: [String]) async throws(ViewfinderError) -> [Embedding]
}
