import ViewfinderCore

/// Turns an encoder's output rows into stored embeddings.
enum EmbeddingRows {
    /// Checks the row's width, keeps the first `dims` components and L2-normalises them.
    static func embedding(_ row: [Float], model: ModelID, dims: Int, fullDims: Int) throws(ViewfinderError) -> Embedding {
        guard row.count == fullDims else {
            throw ViewfinderError(
                .encodeFailed, "\(model) returned \(row.count) components where its config promises \(fullDims)")
        }
        // Matryoshka truncation: a prefix of the full vector, renormalised; dims == fullDims keeps everything.
        return Embedding(model: model, vector: row).truncated(to: dims)
    }
}
