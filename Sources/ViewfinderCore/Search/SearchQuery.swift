/// One photo search: metadata filters plus optional text or image similarity, with order and paging.
///
/// Field names follow PhotoPrism's photo search (`q`, `clip`, `clip_weight`, `similar`, `min_score`, `order`,
/// `count`, `offset`, …). Build one from request parameters with ``SearchQuery/parse(_:)``, which validates
/// every value and names the field that is wrong.
public struct SearchQuery: Sendable, Equatable {
    /// Free text left in `q` after its `key:value` terms were taken out.
    public var text: String?
    /// The natural-language text to rank by (`clip`).
    public var clip: String?
    /// Weight of semantic similarity against keyword relevance, in [0, 1] (`clip_weight`); nil means the default.
    public var clipWeight: Double?
    /// The uid of a photo whose stored embedding is the query (`similar`).
    public var similar: String?
    /// Results below this similarity are omitted (`min_score`); nil means the model's default threshold.
    public var minScore: Double?
    /// The uid or title of an album whose photos are searched (`album`); the search service resolves it.
    public var album: String?
    /// Metadata conditions, evaluated in the same plan as the ranking.
    public var filter: PhotoFilter
    /// Result order (`order`); nil means relevance with a semantic query, newest otherwise.
    public var order: SearchOrder?
    /// Page size (`count`), 1…1000.
    public var count: Int
    /// Results to skip (`offset`).
    public var offset: Int

    /// The page size used when `count` is not given.
    public static let defaultCount = 60
    /// The largest page size.
    public static let maximumCount = 1000
    /// The largest `offset`.
    public static let maximumOffset = 1_000_000
    /// The longest value of any one parameter (`q`, `clip`, …), in UTF-8 bytes.
    public static let maximumQueryLength = 2048
    /// The most parameters one query may have.
    public static let maximumParameters = 64
    /// The radius in km used when `lat` and `lng` are given without `dist`.
    public static let defaultDistanceKilometres = 2.0

    /// Creates a query; by default it lists the newest photos, archived ones hidden.
    public init(
        text: String? = nil, clip: String? = nil, clipWeight: Double? = nil, similar: String? = nil,
        minScore: Double? = nil, album: String? = nil, filter: PhotoFilter = PhotoFilter(), order: SearchOrder? = nil,
        count: Int = SearchQuery.defaultCount, offset: Int = 0
    ) {
        self.text = text
        self.clip = clip
        self.clipWeight = clipWeight
        self.similar = similar
        self.minScore = minScore
        self.album = album
        self.filter = filter
        self.order = order
        self.count = count
        self.offset = offset
    }
}
