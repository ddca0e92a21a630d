public import ViewfinderCore

/// What the server knows about embedding models, for `GET /api/v1/models`.
public protocol ModelReporting: Sendable {
    /// The installed models and the active one.
    func models() async -> ModelsOverview
}

/// Installed and active models.
public struct ModelsOverview: Sendable, Equatable, Codable {
    /// One installed model.
    public struct Installed: Sendable, Equatable, Codable {
        /// The model's name.
        public var name: String
        /// The embedding size it produces (after any configured truncation), when known.
        public var dims: Int?
        /// Creates an entry.
        public init(name: String, dims: Int?) {
            self.name = name
            self.dims = dims
        }
    }

    /// The model searches and indexing use.
    public var active: String
    /// The embedding size of the active model, when it is installed.
    public var activeDims: Int?
    /// Whether the active model is installed and loads (semantic search works).
    public var semanticSearch: Bool
    /// Every installed model.
    public var installed: [Installed]

    /// Creates an overview.
    public init(active: String, activeDims: Int?, semanticSearch: Bool, installed: [Installed]) {
        self.active = active
        self.activeDims = activeDims
        self.semanticSearch = semanticSearch
        self.installed = installed
    }
}
