public import struct Foundation.Data

/// One SQL statement whose interpolated values are escaped, never pasted: `"SELECT … WHERE id = \(id)"`.
public struct MariaDBQuery: Sendable, ExpressibleByStringInterpolation {
    /// A piece of the statement.
    enum Part: Sendable {
        case sql(String)
        case value(MariaDBValue)
    }

    /// The pieces in order.
    private(set) var parts: [Part] = []

    /// A statement without values.
    public init(stringLiteral value: String) { parts = [.sql(value)] }

    /// A statement built from text the program wrote (never from user input).
    public init(unsafeSQL sql: String) { parts = [.sql(sql)] }

    /// A statement with interpolated values.
    public init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.parts }

    /// Appends another statement fragment.
    public mutating func append(_ other: MariaDBQuery) { parts += other.parts }

    /// Appends raw SQL the program wrote.
    public mutating func append(unsafeSQL sql: String) { parts.append(.sql(sql)) }

    /// Appends a value.
    public mutating func append(value: MariaDBValue) { parts.append(.value(value)) }

    /// Collects literal text and values.
    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        /// Starts an empty statement.
        public init(literalCapacity: Int, interpolationCount: Int) {}

        /// SQL text written in the literal.
        public mutating func appendLiteral(_ literal: String) { parts.append(.sql(literal)) }
        /// A prepared value.
        public mutating func appendInterpolation(_ value: MariaDBValue) { parts.append(.value(value)) }
        /// Text (NULL when nil).
        public mutating func appendInterpolation(_ value: String?) { parts.append(.value(value.map(MariaDBValue.text) ?? .null)) }
        /// A whole number (NULL when nil).
        public mutating func appendInterpolation(_ value: Int64?) { parts.append(.value(value.map(MariaDBValue.integer) ?? .null)) }
        /// A whole number (NULL when nil).
        public mutating func appendInterpolation(_ value: Int?) {
            parts.append(.value(value.map { MariaDBValue.integer(Int64($0)) } ?? .null))
        }
        /// A double (NULL when nil).
        public mutating func appendInterpolation(_ value: Double?) { parts.append(.value(value.map(MariaDBValue.double) ?? .null)) }
        /// A boolean as 1 or 0.
        public mutating func appendInterpolation(_ value: Bool) { parts.append(.value(.integer(value ? 1 : 0))) }
        /// Bytes as a hexadecimal literal.
        public mutating func appendInterpolation(_ value: Data) { parts.append(.value(.bytes(value))) }
        /// Raw SQL the program wrote, e.g. a table name derived from an id.
        public mutating func appendInterpolation(unsafeSQL sql: String) { parts.append(.sql(sql)) }
    }
}
