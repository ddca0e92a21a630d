import Foundation
import GRDB
import ViewfinderSQL

/// A shared-SQL fragment as GRDB runs it: the text with `?` placeholders and its arguments.
struct SQLiteStatement {
    /// The statement text.
    let sql: String
    /// The bound values, in placeholder order.
    let arguments: StatementArguments

    /// The statement of `fragment`.
    init(_ fragment: SQLFragment) {
        sql = fragment.sql(.sqlite)
        arguments = StatementArguments(fragment.values.map(Self.databaseValue))
    }

    private static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .text(let text): text.databaseValue
        case .integer(let integer): integer.databaseValue
        case .double(let double): double.databaseValue
        case .bool(let bool): bool.databaseValue
        case .date(let date): date.timeIntervalSince1970.databaseValue
        case .null: .null
        }
    }
}

extension Database {
    /// Runs `fragment`.
    func execute(_ fragment: SQLFragment) throws {
        let statement = SQLiteStatement(fragment)
        try execute(sql: statement.sql, arguments: statement.arguments)
    }
}
