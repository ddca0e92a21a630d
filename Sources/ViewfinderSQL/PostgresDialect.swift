public import struct Foundation.Date

/// PostgreSQL: `$n` placeholders, `timestamptz` times, a generated `search_text` tsvector.
public struct PostgresDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    public func placeholder(_ index: Int) -> String { "$\(index)" }

    public func date(_ date: Date) -> SQLValue { .date(date) }

    // `\` is PostgreSQL's default LIKE escape.
    public func like(_ expression: String, _ pattern: SQLFragment) -> SQLFragment {
        "\(sql: expression) LIKE \(pattern)"
    }

    public func keywordCondition(_ terms: [String]) -> SQLFragment? {
        guard !terms.isEmpty else { return nil }
        return "photos.search_text @@ plainto_tsquery('simple', \(terms.joined(separator: " ")))"
    }

    public func keywordSearch(_ terms: [String], conditions: SQLFragment, limit: Int) -> SQLFragment {
        let query = terms.joined(separator: " ")
        return """
            SELECT photos.id, ts_rank(photos.search_text, plainto_tsquery('simple', \(query))) AS relevance
            FROM photos WHERE photos.search_text @@ plainto_tsquery('simple', \(query)) AND \(conditions)
            ORDER BY relevance DESC, photos.id LIMIT \(limit)
            """
    }

    public func calendarPart(_ part: CalendarPart, of column: String) -> String {
        "EXTRACT(\(part == .month ? "MONTH" : "DAY") FROM \(column) AT TIME ZONE 'UTC')::int"
    }

    public func wideInteger(_ expression: String) -> String { "\(expression)::bigint" }

    public func byteOrder(_ expression: String) -> String { "\(expression) COLLATE \"C\"" }

    public var falseLiteral: String { "FALSE" }

    public var returnsWrittenRows: Bool { true }
}
