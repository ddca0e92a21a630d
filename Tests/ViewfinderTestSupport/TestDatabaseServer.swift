public import Foundation
import Logging
import MariaDBClient
import NIOPosix
import PostgresNIO

/// The database servers the storage tests run against, started by `make test` (scripts/*-start.sh).
///
/// Each server's URL comes from an environment variable; a missing variable is a test failure, not a skip.
public enum TestDatabaseServer: String, CaseIterable, Sendable, CustomStringConvertible {
    /// PostgreSQL 16 with pgvector 0.8.5.
    case postgres
    /// MariaDB 10.11 (no vector type: BLOB storage, search in process).
    case mariadb10
    /// MariaDB 11.8 (VECTOR columns and index).
    case mariadb11

    /// The variable that holds the server's URL.
    public var environmentVariable: String {
        switch self {
        case .postgres: "VIEWFINDER_TEST_POSTGRES_URL"
        case .mariadb10: "VIEWFINDER_TEST_MARIADB10_URL"
        case .mariadb11: "VIEWFINDER_TEST_MARIADB11_URL"
        }
    }

    public var description: String { rawValue }

    /// The server's URL, or an error that says how to start it.
    public func url() throws -> URLComponents {
        guard let text = ProcessInfo.processInfo.environment[environmentVariable], !text.isEmpty,
            let components = URLComponents(string: text), components.host != nil
        else {
            throw TestDatabaseError(
                "\(environmentVariable) is not set: run the tests with `make test`, or start the server with "
                    + "scripts/\(self == .postgres ? "postgres-start.sh" : "mariadb-start.sh \(self == .mariadb10 ? 10 : 11)") "
                    + "and export its URL")
        }
        return components
    }

    /// Creates an empty database for one test and returns its URL (the same server, another database name).
    public func createScratchDatabase() async throws -> URLComponents {
        var components = try url()
        let name = "vf_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try await administer(components, "CREATE DATABASE \(name)")
        components.path = "/" + name
        return components
    }

    /// Drops a database made by `createScratchDatabase`.
    public func dropScratchDatabase(_ scratch: URLComponents) async {
        let name = String(scratch.path.dropFirst())
        guard name.hasPrefix("vf_"), let base = try? url() else { return }
        let statement = self == .postgres ? "DROP DATABASE IF EXISTS \(name) WITH (FORCE)" : "DROP DATABASE IF EXISTS \(name)"
        try? await administer(base, statement)
    }

    /// Runs one administrative statement on the server's main database.
    private func administer(_ components: URLComponents, _ statement: String) async throws {
        let host = components.host ?? "127.0.0.1"
        let database = String(components.path.dropFirst())
        switch self {
        case .postgres:
            let configuration = PostgresConnection.Configuration(
                host: host, port: components.port ?? 5432, username: components.user ?? "",
                password: components.password, database: database, tls: .disable)
            let connection = try await PostgresConnection.connect(
                configuration: configuration, id: 1, logger: Logger(label: "viewfinder-tests"))
            do {
                _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "viewfinder-tests")).collect()
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        case .mariadb10, .mariadb11:
            let options = MariaDBConnectOptions(
                host: host, port: components.port ?? 3306, user: components.user ?? "", password: components.password,
                database: database)
            try await NIOThreadPool.singleton.runIfActive {
                let connection = try MariaDBConnection(options)
                defer { connection.close() }
                try connection.query(MariaDBQuery(unsafeSQL: statement))
            }
        }
    }
}

/// A test-setup failure with a readable message.
public struct TestDatabaseError: Error, CustomStringConvertible {
    /// What went wrong and how to fix it.
    public let description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
