/// A piece of SQL whose values are kept apart from its text, to be bound to placeholders, never interpolated.
///
/// String interpolation binds: `"photos.id = \(id)"` binds `id`; `\(sql: text)` inserts trusted SQL text (column
/// names, keywords; never user input) and `\(fragment)` inserts another fragment.
public struct SQLFragment: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// One part of a fragment.
    public enum Part: Sendable, Equatable {
        /// Trusted SQL text.
        case sql(String)
        /// A bound value.
        case value(SQLValue)
    }

    /// The parts, in order.
    public private(set) var parts: [Part]

    /// Creates a fragment from trusted SQL text.
    public init(stringLiteral value: String) { parts = value.isEmpty ? [] : [.sql(value)] }

    /// Creates a fragment from trusted SQL text.
    public init(sql: String) { self.init(stringLiteral: sql) }

    /// Creates a fragment from an interpolation.
    public init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.parts }

    /// Creates a fragment from parts.
    public init(parts: [Part]) { self.parts = parts }

    /// Appends `other`.
    public mutating func append(_ other: SQLFragment) { parts += other.parts }

    /// The fragments joined by `separator` (trusted SQL text).
    public static func joined(_ fragments: [SQLFragment], separator: String) -> SQLFragment {
        var result = SQLFragment(parts: [])
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { result.parts.append(.sql(separator)) }
            result.append(fragment)
        }
        return result
    }

    /// `left` followed by `right`.
    public static func + (left: SQLFragment, right: SQLFragment) -> SQLFragment {
        SQLFragment(parts: left.parts + right.parts)
    }

    /// The bound values, in placeholder order.
    public var values: [SQLValue] {
        parts.compactMap { if case .value(let value) = $0 { value } else { nil } }
    }

    /// The text with `dialect`'s placeholders, numbered from `firstPlaceholder`.
    public func sql(_ dialect: some SQLDialect, firstPlaceholder: Int = 1) -> String {
        var text = ""
        var index = firstPlaceholder
        for part in parts {
            switch part {
            case .sql(let sql): text += sql
            case .value:
                text += dialect.placeholder(index)
                index += 1
            }
        }
        return text
    }

    /// Builds a fragment from literal SQL and interpolated values.
    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var parts: [Part] = []

        /// Creates an empty interpolation.
        public init(literalCapacity: Int, interpolationCount: Int) {}

        /// Appends trusted SQL text.
        public mutating func appendLiteral(_ literal: String) { if !literal.isEmpty { parts.append(.sql(literal)) } }

        /// Binds `value`.
        public mutating func appendInterpolation(_ value: SQLValue) { parts.append(.value(value)) }

        /// Binds `value` (NULL when nil).
        public mutating func appendInterpolation(_ value: String?) { parts.append(.value(.text(value))) }

        /// Binds `value` (NULL when nil).
        public mutating func appendInterpolation(_ value: Int?) { parts.append(.value(.integer(value))) }

        /// Binds `value` (NULL when nil).
        public mutating func appendInterpolation(_ value: Int64?) { parts.append(.value(value.map(SQLValue.integer) ?? .null)) }

        /// Binds `value` (NULL when nil).
        public mutating func appendInterpolation(_ value: Double?) { parts.append(.value(.double(value))) }

        /// Binds `value`.
        public mutating func appendInterpolation(_ value: Bool) { parts.append(.value(.bool(value))) }

        /// Inserts another fragment.
        public mutating func appendInterpolation(_ fragment: SQLFragment) { parts += fragment.parts }

        /// Inserts trusted SQL text (never user input).
        public mutating func appendInterpolation(sql: String) { if !sql.isEmpty { parts.append(.sql(sql)) } }
    }
}
