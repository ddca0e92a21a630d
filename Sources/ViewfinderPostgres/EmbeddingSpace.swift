/// One (model, dims) pair and the table that holds its vectors.
struct EmbeddingSpace: Sendable, Equatable {
    /// The row id in `embedding_spaces`.
    let id: Int32
    /// The model id.
    let model: String
    /// The vector dimension.
    let dims: Int
    /// `vector` or `halfvec`.
    let storage: String
    /// `none` or `hnsw`.
    let indexKind: String

    /// The table's name; derived from the id, so no user text ever reaches an identifier.
    var table: String { "embeddings_\(id)" }
    /// The `model/dims` key used in counts and reports.
    var key: String { "\(model)/\(dims)" }
    /// The SQL type of the vector column, e.g. `vector(512)`.
    var columnType: String { "\(storage)(\(dims))" }
    /// A query vector bound as `real[]`, cast explicitly to the column type.
    func cast(_ placeholder: String) -> String { "\(placeholder)::real[]::\(columnType)" }
    /// HNSW indexes cover at most 2,000 dimensions for `vector` and 4,000 for `halfvec`.
    var supportsHNSW: Bool { dims <= (storage == "halfvec" ? 4000 : 2000) }
}
