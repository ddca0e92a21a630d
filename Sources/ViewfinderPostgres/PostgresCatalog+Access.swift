import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import ViewfinderCore

extension PostgresCatalog {
    /// Runs one statement on a pooled connection and collects its rows.
    func rows(_ action: String, _ query: PostgresQuery) async throws(ViewfinderError) -> [PostgresRow] {
        try await withConnection(action) { connection in try await connection.query(query, logger: self.logger).collect() }
    }

    /// Leases one connection for `body`.
    func withConnection<T: Sendable>(
        _ action: String, _ body: (PostgresConnection) async throws -> T
    ) async throws(ViewfinderError) -> T {
        do {
            try await waitForConnection()
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw mapError(error, action)
        }
    }

    /// Leases and returns one connection, or throws `ConnectionWaitTimeout` when the server is down.
    ///
    /// The pool waits forever while the server is down, which would hang every caller through a restart, so a
    /// lease that takes longer than `connectionWait` checks whether the server still accepts TCP connections:
    /// if it does not, the caller gets the timeout at once; if it does, the server is only busy (many clients,
    /// a loaded machine) and the wait goes on, up to `connectionWaitLimit` in all. Cancelling the group
    /// withdraws the waiting lease request from the pool.
    private func waitForConnection() async throws {
        let wait = configuration.connectionWait
        let deadline = ContinuousClock.now + configuration.connectionWaitLimit
        while true {
            let leased = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await self.client.withConnection { _ in }
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: wait)
                    return false
                }
                let first = try await group.next() ?? false
                group.cancelAll()
                return first
            }
            if leased { return }
            guard ContinuousClock.now < deadline, await serverAcceptsConnections() else { throw ConnectionWaitTimeout() }
        }
    }

    /// Whether something accepts TCP connections at the server's address within two seconds.
    private func serverAcceptsConnections() async -> Bool {
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(2))
        guard let channel = try? await bootstrap.connect(host: configuration.host, port: configuration.port).get() else {
            return false
        }
        try? await channel.close()
        return true
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
        let unavailable = "\(action) failed: PostgreSQL at \(configuration.host):\(configuration.port) is unavailable"
        if error is ConnectionWaitTimeout {
            return ViewfinderError(.storageUnavailable, "\(unavailable) (no connection within \(configuration.connectionWait))")
        }
        if let error = error as? PSQLError {
            // Class 08 (connection exception) and 57P01–57P03 (shutting down, crashed, starting up).
            let state = error.serverInfo?[.sqlState] ?? ""
            if state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
                || [.connectionError, .serverClosedConnection, .uncleanShutdown].contains(error.code)
            {
                return ViewfinderError(.storageUnavailable, unavailable, underlying: error)
            }
            if let message = error.serverInfo?[.message] {
                return ViewfinderError(.storageFailed, "\(action) failed: \(message)", underlying: error)
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

/// No pooled connection became free within `PostgresCatalogConfiguration.connectionWait`.
struct ConnectionWaitTimeout: Error {}
