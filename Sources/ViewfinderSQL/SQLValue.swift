public import struct Foundation.Date

/// A value bound to a statement's placeholder; each backend turns it into its driver's binding type.
public enum SQLValue: Sendable, Equatable {
    /// Text.
    case text(String)
    /// A 64-bit integer.
    case integer(Int64)
    /// A double-precision number.
    case double(Double)
    /// A truth value (an integer 0/1 where the database has no boolean type).
    case bool(Bool)
    /// An instant, for backends with a time type (see ``SQLDialect/date(_:)``).
    case date(Date)
    /// SQL NULL.
    case null
}

extension SQLValue {
    /// Text, or NULL when `value` is nil.
    public static func text(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }

    /// An integer, or NULL when `value` is nil.
    public static func integer(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }

    /// A number, or NULL when `value` is nil.
    public static func double(_ value: Double?) -> SQLValue { value.map(SQLValue.double) ?? .null }
}
