import Foundation
import PostgresNIO
import ViewfinderSQL

/// Builds one PostgreSQL statement with numbered placeholders; values are always bound, never interpolated.
struct SQLBuilder {
    /// The statement text so far.
    private(set) var sql: String
    /// The bound values, in placeholder order.
    private(set) var binds = PostgresBindings()

    init(_ sql: String = "") { self.sql = sql }

    /// The statement of a shared-SQL fragment.
    init(_ fragment: SQLFragment) {
        self.init()
        append(fragment: fragment)
    }

    /// Appends raw SQL (never user input).
    mutating func append(_ text: String) { sql += text }

    /// Appends a shared-SQL fragment, numbering its placeholders after the ones bound so far.
    mutating func append(fragment: SQLFragment) {
        sql += fragment.sql(.postgres, firstPlaceholder: binds.count + 1)
        for value in fragment.values {
            switch value {
            case .text(let text): binds.append(text)
            case .integer(let integer): binds.append(integer)
            case .double(let double): binds.append(double)
            case .bool(let bool): binds.append(bool)
            case .date(let date): binds.append(date)
            case .null: binds.appendNull()
            }
        }
    }

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
