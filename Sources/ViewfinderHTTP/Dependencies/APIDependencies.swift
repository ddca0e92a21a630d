import HTTPTypes
public import ViewfinderCore
public import ViewfinderServices

/// Everything the API routes use, handed in by the one place that builds the application.
public struct APIDependencies: Sendable {
    /// Parses search parameters (PhotoPrism names) into a query.
    public typealias QueryParser = @Sendable ([(name: String, value: String)]) throws(ViewfinderError) -> SearchQuery

    /// The catalog's roles: photos, writes, albums and statistics from its store, and how it searches vectors.
    public var catalog: Catalog
    /// The search pipeline.
    public var search: any PhotoSearching
    /// The thumbnail cache.
    public var thumbnails: any ThumbnailStore
    /// The indexing worker.
    public var indexing: any IndexingControl
    /// Model inventory.
    public var models: any ModelReporting
    /// Duplicate detection.
    public var duplicates: any DuplicateFinding
    /// The search parameter parser.
    public var parseQuery: QueryParser
    /// The server's version, for `GET /api/v1/status`.
    public var version: String

    /// Collects the dependencies.
    public init(
        catalog: Catalog, search: any PhotoSearching, thumbnails: any ThumbnailStore,
        indexing: any IndexingControl, models: any ModelReporting, duplicates: any DuplicateFinding,
        parseQuery: @escaping QueryParser = { (items) throws(ViewfinderError) in try SearchQuery.parse(items) },
        version: String
    ) {
        self.catalog = catalog
        self.search = search
        self.thumbnails = thumbnails
        self.indexing = indexing
        self.models = models
        self.duplicates = duplicates
        self.parseQuery = parseQuery
        self.version = version
    }
}
