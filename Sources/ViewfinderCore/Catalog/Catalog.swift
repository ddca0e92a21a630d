/// The catalog as the application wires it: the backend that stores every role, and the role that ranks by
/// vector similarity (the backend itself, or an in-process index over the backend's vectors).
///
/// Built once by the application; services receive only the roles they use, taken from here.
public struct Catalog: Sendable {
    /// The backend: reads, writes, embeddings, keywords, albums, statistics and library tracking.
    public let store: any PhotoCatalog
    /// Nearest-neighbour search over the store's vectors.
    public let vectors: any VectorSearching

    /// Wraps `store`; `vectors` replaces its own vector search (nil: the store searches its vectors itself).
    public init(store: any PhotoCatalog, vectors: (any VectorSearching)? = nil) {
        self.store = store
        self.vectors = vectors ?? store
    }

    /// The store's capabilities, with how vector searches are really answered.
    public func capabilities() async throws(ViewfinderError) -> CatalogCapabilities {
        vectors.describing(try await store.capabilities())
    }
}
