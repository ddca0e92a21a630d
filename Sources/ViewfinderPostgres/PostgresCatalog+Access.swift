import Foundation
import Logging
import PostgresNIO
import ViewfinderCore

extension PostgresCatalog {
    /// Runs one statement on a pooled connection and collects its rows.
    func rows(_ action: String, _ query: PostgresQuery) async throws(ViewfinderError) -> [PostgresRow] {
        do {
            return try await client.query(query, logger: logger).collect()
        } catch {
            throw mapError(error, action)
        }
    }

    /// Leases one connection for `body`.
    func withConnection<T: Sendable>(
        _ action: String, _ body: (PostgresConnection) async throws -> T
    ) async throws(ViewfinderError) -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw mapError(error, action)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(
        _ action: String, _ body: (PostgresConnection) async throws -> T
    ) async throws(ViewfinderError) -> T {
        try await withConnection(action) { connection in
            try await connection.run("BEGIN", self.logger)
            do {
                let result = try await body(connection)
                try await connection.run("COMMIT", self.logger)
                return result
            } catch {
                // The original error matters more than a failed rollback (the pool drops a broken connection).
                _ = try? await connection.query("ROLLBACK", logger: self.logger).collect()
                throw error
            }
        }
    }

    /// Maps driver errors to the domain error, keeping the server's own message when there is one.
    func mapError(_ error: any Error, _ action: String) -> ViewfinderError {
        if let error = error as? ViewfinderError { return error }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return ViewfinderError(.storageFailed, "\(action) failed: \(message)", underlying: error)
            }
            if error.code == .connectionError || error.code == .serverClosedConnection {
                return ViewfinderError(
                    .storageFailed,
                    "cannot reach PostgreSQL at \(configuration.host):\(configuration.port) (is it running? is the address right?)",
                    underlying: error)
            }
        }
        return ViewfinderError(.storageFailed, "\(action) failed", underlying: error)
    }

    /// Runs a row decoding, mapping its failure to the domain error.
    func decoding<T>(_ body: () throws -> T) throws(ViewfinderError) -> T {
        do {
            return try body()
        } catch {
            throw ViewfinderError(.storageFailed, "the PostgreSQL catalog returned an unexpected value", underlying: error)
        }
    }

    /// Bindings for string values.
    static func binds(_ values: String...) -> PostgresBindings {
        var binds = PostgresBindings(capacity: values.count)
        for value in values { binds.append(value) }
        return binds
    }
}

extension PostgresConnection {
    /// Runs `query` and collects the rows.
    @discardableResult
    func run(_ query: PostgresQuery, _ logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}
