/// One search field: its name, what values it takes, and where a parsed value goes.
///
/// ``SearchField/all`` is the one declaration of every field. The parser (``SearchQuery/parse(_:)``), the CLI's
/// `search` options and help, `GET /api/v1/search/fields`, the OpenAPI document and docs/search.md are all derived
/// from it, so adding a field is one entry there (plus where its value is stored and its SQL).
public struct SearchField: Sendable {
    /// What kind of value a field takes; it decides how the value is parsed and how clients offer it.
    public enum Kind: String, Sendable, CaseIterable {
        /// Folder or file name patterns; `*` matches any run of characters.
        case pattern
        /// Any text, taken as it is.
        case text
        /// Substrings matched case-insensitively, e.g. a camera model.
        case substring
        /// One whole number.
        case integer
        /// Whole numbers, e.g. years.
        case integers
        /// A whole number or an inclusive range `LOW-HIGH`.
        case integerRange
        /// One number.
        case number
        /// A number or an inclusive range `LOW-HIGH`.
        case numberRange
        /// `true` or `false` (also `yes`/`no`, `1`/`0`).
        case bool
        /// A day (`2021-05-01`, midnight UTC) or an ISO 8601 instant.
        case date
        /// A box `north,east,south,west` in degrees.
        case box
        /// MIME types, families or image formats.
        case mediaType
        /// Words of letters or digits.
        case keywords
        /// A photo uid.
        case uid
        /// One of a fixed set of names (``SearchField/values``).
        case choice
    }

    /// Whether a field narrows the photos searched or steers the search itself.
    public enum Role: String, Sendable {
        /// A condition on the photos (`year`, `camera`, …).
        case filter
        /// Ranking, order or paging (`clip`, `similar`, `min_score`, `order`, `count`, …).
        case control
    }

    /// Stores one value, already trimmed and non-empty, into a draft; the parser names the field in its errors.
    typealias Apply = @Sendable (inout SearchQueryDraft, String, SearchValueParser) throws(ViewfinderError) -> Void

    /// The field's name, as in PhotoPrism (`year`, `clip_weight`).
    public let name: String
    /// Other names accepted for the same field (`folder` for `path`).
    public let aliases: [String]
    /// The kind of value.
    public let kind: Kind
    /// The smallest and largest number accepted (for numbers, ranges and their lists), if bounded.
    public let range: ClosedRange<Double>?
    /// Whether the value may hold `|`-separated alternatives.
    public let list: Bool
    /// Filter or query control.
    public let role: Role
    /// The accepted names for a ``Kind/choice`` field, otherwise empty.
    public let values: [String]
    /// One line saying what the field does.
    public let help: String
    /// A value the field accepts.
    public let example: String
    /// Parses a value and stores it.
    let apply: Apply

    /// Whether the field is a condition on the photos (``Role/filter``).
    public var isFilter: Bool { role == .filter }

    /// The name and the aliases, name first.
    public var names: [String] { [name] + aliases }
}
