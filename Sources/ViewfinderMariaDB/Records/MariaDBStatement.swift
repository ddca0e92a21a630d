import MariaDBClient
import ViewfinderSQL

extension MariaDBQuery {
    /// The query of a shared-SQL fragment: its text as is, its values escaped by the connection.
    init(_ fragment: SQLFragment) {
        self.init(unsafeSQL: "")
        for part in fragment.parts {
            switch part {
            case .sql(let sql): append(unsafeSQL: sql)
            case .value(let value): append(value: Self.value(value))
            }
        }
    }

    private static func value(_ value: SQLValue) -> MariaDBValue {
        switch value {
        case .text(let text): .text(text)
        case .integer(let integer): .integer(integer)
        case .double(let double): .double(double)
        case .bool(let bool): .integer(bool ? 1 : 0)
        case .date(let date): .text(MariaDBDateTime.format(date))
        case .null: .null
        }
    }
}
