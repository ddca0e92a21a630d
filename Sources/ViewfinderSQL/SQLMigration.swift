/// One schema migration of an SQL backend: an id (recorded once applied) and its statements, in order.
///
/// Migrations are append-only: never edit a registered one.
public struct SQLMigration: Sendable {
    /// The id, recorded once the migration has run.
    public let id: String
    /// The statements, in order.
    public let statements: [String]

    /// Creates a migration.
    public init(id: String, statements: [String]) {
        self.id = id
        self.statements = statements
    }
}
