public import struct Foundation.Date

/// MariaDB: `?` placeholders (the client escapes values inline), `DATETIME(6)` times in UTC, InnoDB full-text.
public struct MariaDBDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    public func placeholder(_ index: Int) -> String { "?" }

    public func date(_ date: Date) -> SQLValue { .date(date) }

    // `\` is MariaDB's default LIKE escape.
    public func like(_ expression: String, _ pattern: SQLFragment) -> SQLFragment {
        "\(sql: expression) LIKE \(pattern)"
    }

    public func keywordCondition(_ terms: [String]) -> SQLFragment? {
        guard let match = Self.booleanQuery(terms) else { return nil }
        return "MATCH (photos.title, photos.description, photos.keywords) AGAINST (\(match) IN BOOLEAN MODE)"
    }

    public func keywordSearch(_ terms: [String], conditions: SQLFragment, limit: Int) -> SQLFragment {
        let match = Self.booleanQuery(terms)
        return """
            SELECT photos.id, MATCH (photos.title, photos.description, photos.keywords) AGAINST (\(match) IN BOOLEAN MODE) AS relevance
            FROM photos WHERE MATCH (photos.title, photos.description, photos.keywords) AGAINST (\(match) IN BOOLEAN MODE) AND \(conditions)
            ORDER BY relevance DESC, photos.id LIMIT \(limit)
            """
    }

    // Sessions run with `time_zone = '+00:00'`, so these are UTC.
    public func calendarPart(_ part: CalendarPart, of column: String) -> String {
        part == .month ? "MONTH(\(column))" : "DAYOFMONTH(\(column))"
    }

    public func wideInteger(_ expression: String) -> String { "CAST(\(expression) AS SIGNED)" }

    // Paths are stored with the utf8mb4_bin collation.
    public func byteOrder(_ expression: String) -> String { expression }

    public var falseLiteral: String { "0" }

    public func insertIgnoringDuplicates(into table: String, columns: [String], values: [SQLValue], key: [String]) -> SQLFragment {
        Self.insert(into: table, columns: columns, values: values, verb: "INSERT IGNORE")
    }

    public func upsertClause(key: [String]) -> String { "ON DUPLICATE KEY UPDATE" }

    public func proposed(_ column: String) -> String { "VALUES(\(column))" }

    public func existing(_ column: String, of table: String) -> String { column }

    public var returnsWrittenRows: Bool { false }

    /// A boolean-mode full-text query in which every term is required; terms hold only letters and digits.
    static func booleanQuery(_ terms: [String]) -> String? {
        terms.isEmpty ? nil : terms.map { "+" + $0 }.joined(separator: " ")
    }
}
