public import struct Foundation.Date

/// What differs between the SQL of the catalog backends; the shared translators ask it, and only it.
public protocol SQLDialect: Sendable {
    /// The placeholder of the `index`th bound value (1-based): `?` or `$1`.
    func placeholder(_ index: Int) -> String

    /// The bound value for an instant, as the schema stores times (epoch seconds or a time type).
    func date(_ date: Date) -> SQLValue

    /// `expression LIKE pattern` with `\` escaping the pattern's wildcards.
    func like(_ expression: String, _ pattern: SQLFragment) -> SQLFragment

    /// The condition that every term occurs in a photo's title, description or keywords; nil without terms.
    func keywordCondition(_ terms: [String]) -> SQLFragment?

    /// `SELECT` of photo ids and a relevance (higher is better) for `terms`, restricted by `conditions`,
    /// ordered best first (ties by id), at most `limit` rows.
    func keywordSearch(_ terms: [String], conditions: SQLFragment, limit: Int) -> SQLFragment

    /// The integer month (1–12) or day of the month (1–31), in UTC, of the time in `column`.
    func calendarPart(_ part: CalendarPart, of column: String) -> String

    /// `expression` widened to a 64-bit integer, so a product of two 32-bit columns cannot overflow.
    func wideInteger(_ expression: String) -> String

    /// `expression` compared byte by byte (so `order: name` sorts the same on every backend).
    func byteOrder(_ expression: String) -> String

    /// The literal for false in a select list.
    var falseLiteral: String { get }

    /// `INSERT` into `table` that does nothing when a row with the same `key` exists.
    func insertIgnoringDuplicates(into table: String, columns: [String], values: [SQLValue], key: [String]) -> SQLFragment

    /// The clause after an `INSERT … VALUES (…)` that turns it into an update of the row with the same `key`.
    func upsertClause(key: [String]) -> String

    /// Within ``upsertClause(key:)``'s assignments: the value the `INSERT` proposed for `column`.
    func proposed(_ column: String) -> String

    /// Within ``upsertClause(key:)``'s assignments: the stored row's `column` of `table`.
    func existing(_ column: String, of table: String) -> String

    /// Whether an `INSERT … RETURNING id` returns the written row's id (else the caller selects it).
    var returnsWrittenRows: Bool { get }
}

/// A calendar field of a time.
public enum CalendarPart: Sendable {
    /// The month, 1–12.
    case month
    /// The day of the month, 1–31.
    case day
}

extension SQLDialect {
    /// `INSERT … ON CONFLICT (key) DO NOTHING`, the standard form.
    public func insertIgnoringDuplicates(into table: String, columns: [String], values: [SQLValue], key: [String]) -> SQLFragment {
        Self.insert(into: table, columns: columns, values: values)
            + SQLFragment(sql: " ON CONFLICT (\(key.joined(separator: ", "))) DO NOTHING")
    }

    /// `ON CONFLICT (key) DO UPDATE SET`, the standard form.
    public func upsertClause(key: [String]) -> String { "ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET" }

    /// `excluded.column`, the standard form.
    public func proposed(_ column: String) -> String { "excluded.\(column)" }

    /// `table.column`, the standard form.
    public func existing(_ column: String, of table: String) -> String { "\(table).\(column)" }

    /// `INSERT INTO table (columns) VALUES (values)`.
    static func insert(into table: String, columns: [String], values: [SQLValue], verb: String = "INSERT") -> SQLFragment {
        "\(sql: verb) INTO \(sql: table) (\(sql: columns.joined(separator: ", "))) VALUES ("
            + SQLFragment.joined(values.map { "\($0)" }, separator: ", ") + ")"
    }
}

extension SQLDialect where Self == SQLiteDialect {
    /// SQLite's dialect.
    public static var sqlite: SQLiteDialect { SQLiteDialect() }
}

extension SQLDialect where Self == PostgresDialect {
    /// PostgreSQL's dialect.
    public static var postgres: PostgresDialect { PostgresDialect() }
}

extension SQLDialect where Self == MariaDBDialect {
    /// MariaDB's dialect.
    public static var mariaDB: MariaDBDialect { MariaDBDialect() }
}
