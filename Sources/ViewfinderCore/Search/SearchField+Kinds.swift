import struct Foundation.Date

// One constructor per value kind: each pairs the kind's description (kind, range, list-ness) with its parser, so a
// table entry only names the field, says where the value goes and describes it.
extension SearchField {
    /// Folder or file name patterns with `|` alternatives.
    static func patterns(
        _ name: String, aliases: [String] = [], help: String, example: String,
        store: @escaping @Sendable (inout SearchQueryDraft, [String]) -> Void
    ) -> SearchField {
        field(name, .pattern, aliases: aliases, list: true, help: help, example: example,
            parse: { parser, value throws(ViewfinderError) in try parser.patterns(value) }, store: store)
    }

    /// Any text.
    static func text(
        _ name: String, role: Role = .filter, help: String, example: String,
        store: @escaping @Sendable (inout SearchQueryDraft, String) -> Void
    ) -> SearchField {
        field(name, .text, role: role, help: help, example: example, parse: { $1 }, store: store)
    }

    /// Case-insensitive substrings with `|` alternatives.
    static func substrings(
        _ name: String, help: String, example: String, store: @escaping @Sendable (inout SearchQueryDraft, [String]) -> Void
    ) -> SearchField {
        field(name, .substring, list: true, help: help, example: example,
            parse: { parser, value throws(ViewfinderError) in try parser.alternatives(value) }, store: store)
    }

    /// One whole number within `range`.
    static func integer(
        _ name: String, in range: ClosedRange<Int>, role: Role = .filter, help: String, example: String,
        store: @escaping @Sendable (inout SearchQueryDraft, Int) -> Void
    ) -> SearchField {
        field(
            name, .integer, range: Double(range.lowerBound)...Double(range.upperBound), role: role, help: help,
            example: example,
                parse: { parser, value throws(ViewfinderError) in try parser.integer(value, in: range) }, store: store)
    }

    /// Whole numbers within `range`, with `|` alternatives.
    static func integers(
        _ name: String, in range: ClosedRange<Int>, help: String, example: String,
        store: @escaping @Sendable (inout SearchQueryDraft, [Int]) -> Void
    ) -> SearchField {
        field(
            name, .integers, range: Double(range.lowerBound)...Double(range.upperBound), list: true, help: help,
            example: example,
                parse: { parser, value throws(ViewfinderError) in try parser.integers(value, in: range) }, store: store)
    }

    /// A whole number or an inclusive range within `range`.
    static func integerRange(
        _ name: String, in range: ClosedRange<Int>, help: String, example: String,
        store: @escaping @Sendable (inout SearchQueryDraft, ClosedRange<Int>) -> Void
    ) -> SearchField {
        field(
            name, .integerRange, range: Double(range.lowerBound)...Double(range.upperBound), help: help,
            example: example,
                parse: { parser, value throws(ViewfinderError) in try parser.integerRange(value, in: range) }, store: store)
    }

    /// One number within `range`.
    static func number(
        _ name: String, in range: ClosedRange<Double>, role: Role = .filter, help: String, example: String,
        store: @escaping @Sendable (inout SearchQueryDraft, Double) -> Void
    ) -> SearchField {
        field(
            name, .number, range: range, role: role, help: help, example: example,
            parse: { parser, value throws(ViewfinderError) in try parser.number(value, in: range) }, store: store)
    }

    /// A number or an inclusive range within `range`.
    static func numberRange(
        _ name: String, in range: ClosedRange<Double>, help: String, example: String,
        store: @escaping @Sendable (inout SearchQueryDraft, ClosedRange<Double>) -> Void
    ) -> SearchField {
        field(
            name, .numberRange, range: range, help: help, example: example,
            parse: { parser, value throws(ViewfinderError) in try parser.numberRange(value, in: range) }, store: store)
    }

    /// `true` or `false`.
    static func bool(
        _ name: String, help: String, example: String = "true", store: @escaping @Sendable (inout SearchQueryDraft, Bool) -> Void
    ) -> SearchField {
        field(name, .bool, help: help, example: example,
            parse: { parser, value throws(ViewfinderError) in try parser.bool(value) }, store: store)
    }

    /// A day or an instant.
    static func date(
        _ name: String, help: String, example: String, store: @escaping @Sendable (inout SearchQueryDraft, Date) -> Void
    ) -> SearchField {
        field(name, .date, help: help, example: example,
            parse: { parser, value throws(ViewfinderError) in try parser.date(value) }, store: store)
    }

    /// A bounding box.
    static func box(
        _ name: String, help: String, example: String, store: @escaping @Sendable (inout SearchQueryDraft, GeoBox) -> Void
    ) -> SearchField {
        field(name, .box, help: help, example: example,
            parse: { parser, value throws(ViewfinderError) in try parser.box(value) }, store: store)
    }

    /// Media types with `|` alternatives.
    static func mediaTypes(
        _ name: String, help: String, example: String, store: @escaping @Sendable (inout SearchQueryDraft, [String]) -> Void
    ) -> SearchField {
        field(name, .mediaType, list: true, help: help, example: example,
            parse: { parser, value throws(ViewfinderError) in try parser.mediaTypes(value) }, store: store)
    }

    /// Keyword text.
    static func keywords(
        _ name: String, help: String, example: String, store: @escaping @Sendable (inout SearchQueryDraft, String) -> Void
    ) -> SearchField {
        field(name, .keywords, help: help, example: example,
            parse: { parser, value throws(ViewfinderError) in try parser.keywords(value) }, store: store)
    }

    /// A photo uid.
    static func uid(
        _ name: String, role: Role = .filter, help: String, example: String,
        store: @escaping @Sendable (inout SearchQueryDraft, String) -> Void
    ) -> SearchField {
        field(name, .uid, role: role, help: help, example: example,
            parse: { parser, value throws(ViewfinderError) in try parser.uid(value) }, store: store)
    }

    /// One of `Choice`'s raw values, case-insensitive.
    static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, of _: Choice.Type, role: Role = .filter, help: String, example: String,
        store: @escaping @Sendable (inout SearchQueryDraft, Choice) -> Void
    ) -> SearchField where Choice.RawValue == String {
        field(
            name, .choice, role: role, values: Choice.allCases.map(\.rawValue), help: help, example: example,
            parse: { parser, value throws(ViewfinderError) in try parser.choice(value, of: Choice.self) }, store: store)
    }

    private static func field<Value>(
        _ name: String, _ kind: Kind, aliases: [String] = [], range: ClosedRange<Double>? = nil, list: Bool = false,
        role: Role = .filter, values: [String] = [], help: String, example: String,
        parse: @escaping @Sendable (SearchValueParser, String) throws(ViewfinderError) -> Value,
        store: @escaping @Sendable (inout SearchQueryDraft, Value) -> Void
    ) -> SearchField {
        SearchField(
            name: name, aliases: aliases, kind: kind, range: range, list: list, role: role, values: values, help: help,
            example: example
        ) { draft, value, parser throws(ViewfinderError) in
            store(&draft, try parse(parser, value))
        }
    }
}
