import ViewfinderCore

/// One entry of `GET /api/v1/search/fields`: a search field as ``SearchField/all`` declares it.
struct SearchFieldJSON: Codable, Sendable, Equatable {
    /// The inclusive bounds of a numeric field.
    struct Bounds: Codable, Sendable, Equatable {
        let min: Double
        let max: Double
    }

    let name: String
    let aliases: [String]
    /// The value kind (`SearchField.Kind`'s raw value, e.g. `integers`, `pattern`, `bool`).
    let kind: String
    /// True for conditions on photos, false for query controls (`clip`, `order`, `count`, …).
    let filter: Bool
    /// Whether `|` separates alternatives.
    let list: Bool
    let range: Bounds?
    /// The accepted names of a `choice` field.
    let values: [String]?
    let help: String
    let example: String

    /// The JSON form of `field`.
    init(_ field: SearchField) {
        name = field.name
        aliases = field.aliases
        kind = field.kind.rawValue
        filter = field.isFilter
        list = field.list
        range = field.range.map { Bounds(min: $0.lowerBound, max: $0.upperBound) }
        values = field.values.isEmpty ? nil : field.values
        help = field.help
        example = field.example
    }
}
