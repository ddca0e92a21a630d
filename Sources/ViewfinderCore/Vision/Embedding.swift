/// A vector produced by one model, always tagged with that model and its dimension.
public struct Embedding: Sendable, Equatable {
    /// The model that produced the vector.
    public let model: ModelID
    /// The vector's components; L2-normalised when produced by Viewfinder's embedders.
    public let vector: [Float]

    /// Number of components.
    public var dims: Int { vector.count }

    /// Wraps a vector produced by `model`.
    public init(model: ModelID, vector: [Float]) {
        self.model = model
        self.vector = vector
    }

    /// The same direction with unit length; a zero vector stays zero.
    public func normalized() -> Embedding {
        Embedding(model: model, vector: VectorMath.normalized(vector))
    }

    /// Keeps the first `dims` components and renormalises (matryoshka truncation).
    public func truncated(to dims: Int) -> Embedding {
        Embedding(model: model, vector: VectorMath.normalized(Array(vector.prefix(dims))))
    }

    /// Cosine similarity with another embedding of the same model and dimension.
    public func cosineSimilarity(to other: Embedding) throws(ViewfinderError) -> Float {
        guard model == other.model, dims == other.dims else {
            throw ViewfinderError(
                .incompatibleEmbeddings,
                "cannot compare \(model) (\(dims)-d) with \(other.model) (\(other.dims)-d)"
            )
        }
        return VectorMath.dot(vector, other.vector)
    }
}
