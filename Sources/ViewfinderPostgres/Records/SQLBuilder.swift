import PostgresNIO

/// Builds one PostgreSQL statement with numbered placeholders; values are always bound, never interpolated.
struct SQLBuilder {
    /// The statement text so far.
    private(set) var sql: String
    /// The bound values, in placeholder order.
    private(set) var binds = PostgresBindings()

    init(_ sql: String = "") { self.sql = sql }

    /// Appends raw SQL (never user input).
    mutating func append(_ text: String) { sql += text }

    /// Binds `value` and returns its placeholder (`$n`).
    mutating func bind<Value: PostgresNonThrowingEncodable>(_ value: Value) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    /// Binds `value` (NULL when nil) and returns its placeholder.
    mutating func bind<Value: PostgresNonThrowingEncodable>(_ value: Value?) -> String {
        if let value { binds.append(value) } else { binds.appendNull() }
        return "$\(binds.count)"
    }

    /// The finished query.
    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
