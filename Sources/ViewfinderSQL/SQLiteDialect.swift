public import struct Foundation.Date

/// SQLite: `?` placeholders, times as epoch seconds, FTS5 over `photos_fts`.
public struct SQLiteDialect: SQLDialect {
    /// Creates the dialect.
    public init() {}

    public func placeholder(_ index: Int) -> String { "?" }

    public func date(_ date: Date) -> SQLValue { .double(date.timeIntervalSince1970) }

    // SQLite's LIKE has no default escape character.
    public func like(_ expression: String, _ pattern: SQLFragment) -> SQLFragment {
        "\(sql: expression) LIKE \(pattern) ESCAPE '\\'"
    }

    public func keywordCondition(_ terms: [String]) -> SQLFragment? {
        guard let match = Self.matchExpression(terms) else { return nil }
        return "photos.id IN (SELECT rowid FROM photos_fts WHERE photos_fts MATCH \(match))"
    }

    // bm25 is lower for better matches, so its negation is the relevance.
    public func keywordSearch(_ terms: [String], conditions: SQLFragment, limit: Int) -> SQLFragment {
        """
        SELECT photos.id, -bm25(photos_fts) AS relevance FROM photos_fts
        JOIN photos ON photos.id = photos_fts.rowid
        WHERE photos_fts MATCH \(Self.matchExpression(terms)) AND \(conditions)
        ORDER BY bm25(photos_fts), photos.id LIMIT \(limit)
        """
    }

    public func calendarPart(_ part: CalendarPart, of column: String) -> String {
        let format = part == .month ? "%m" : "%d"
        return "CAST(strftime('\(format)', \(column), 'unixepoch') AS INTEGER)"
    }

    // SQLite integers are 64-bit already.
    public func wideInteger(_ expression: String) -> String { expression }

    // The default BINARY collation compares bytes.
    public func byteOrder(_ expression: String) -> String { expression }

    public var falseLiteral: String { "0" }

    public var returnsWrittenRows: Bool { false }

    /// An FTS5 query in which every term must occur; terms are quoted, so no operator can sneak in.
    static func matchExpression(_ terms: [String]) -> String? {
        terms.isEmpty ? nil : terms.map { "\"\($0)\"" }.joined(separator: " ")
    }
}
