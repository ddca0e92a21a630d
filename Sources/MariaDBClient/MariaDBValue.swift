public import struct Foundation.Data

/// A value sent to the server, rendered as a literal by the connection's own escaping.
public enum MariaDBValue: Sendable, Equatable {
    /// SQL NULL.
    case null
    /// A whole number.
    case integer(Int64)
    /// A finite double (non-finite values are refused when rendered).
    case double(Double)
    /// Text, escaped with `mysql_real_escape_string`.
    case text(String)
    /// Bytes, written as a hexadecimal literal.
    case bytes(Data)
}
