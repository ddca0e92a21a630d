public import ViewfinderCore

/// A small least-recently-used cache of query-text embeddings, keyed by model, dims and text.
public actor QueryEmbeddingCache {
    private struct Key: Hashable {
        let model: String
        let dims: Int
        let text: String
    }

    private let capacity: Int
    private var entries: [Key: (embedding: Embedding, lastUse: UInt64)] = [:]
    private var clock: UInt64 = 0

    /// Creates a cache holding at most `capacity` embeddings (0 disables it).
    public init(capacity: Int = 256) {
        self.capacity = max(0, capacity)
    }

    /// The cached embedding of `text` for `model` at `dims`, marking it recently used.
    public func embedding(model: ModelID, dims: Int, text: String) -> Embedding? {
        let key = Key(model: model.rawValue, dims: dims, text: text)
        guard let entry = entries[key] else { return nil }
        clock += 1
        entries[key] = (entry.embedding, clock)
        return entry.embedding
    }

    /// Stores `embedding` for `text`, evicting the least recently used entry when full.
    public func store(_ embedding: Embedding, text: String) {
        guard capacity > 0 else { return }
        let key = Key(model: embedding.model.rawValue, dims: embedding.dims, text: text)
        if entries[key] == nil, entries.count >= capacity,
            let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
        {
            entries[oldest] = nil
        }
        clock += 1
        entries[key] = (embedding, clock)
    }

    /// How many embeddings are cached.
    public var count: Int { entries.count }
}
