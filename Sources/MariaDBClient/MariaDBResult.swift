public import struct Foundation.Data

/// The rows of one statement (text protocol: every cell is the server's bytes, or nil for NULL).
public struct MariaDBResult: Sendable {
    /// Column names, in order.
    public let columns: [String]
    /// Rows of cells.
    public let rows: [MariaDBRow]
    /// Rows changed by an INSERT, UPDATE or DELETE.
    public let affectedRows: UInt64
    /// The AUTO_INCREMENT value of the last insert, or 0.
    public let insertID: UInt64
}

/// One result row.
public struct MariaDBRow: Sendable {
    /// The cells, in column order.
    public let cells: [Data?]

    /// Whether the cell is NULL.
    public func isNull(_ index: Int) -> Bool { cells[index] == nil }

    /// The cell as text.
    public func string(_ index: Int) throws(MariaDBError) -> String? {
        cells[index].map { String(decoding: $0, as: UTF8.self) }
    }

    /// The cell as a whole number.
    public func int64(_ index: Int) throws(MariaDBError) -> Int64? {
        guard let text = try string(index) else { return nil }
        guard let value = Int64(text) else { throw Self.unexpected(text, "a whole number") }
        return value
    }

    /// The cell as a double (the server prints doubles with enough digits to round-trip).
    public func double(_ index: Int) throws(MariaDBError) -> Double? {
        guard let text = try string(index) else { return nil }
        guard let value = Double(text) else { throw Self.unexpected(text, "a number") }
        return value
    }

    /// The cell's raw bytes.
    public func bytes(_ index: Int) -> Data? { cells[index] }

    private static func unexpected(_ text: String, _ expected: String) -> MariaDBError {
        MariaDBError(code: 0, sqlState: "HY000", message: "expected \(expected), got '\(text.prefix(40))'")
    }
}
