import Foundation
import Logging
import NIOPosix
public import ViewfinderCore
import ViewfinderMariaDB
import ViewfinderPostgres
import ViewfinderSQLite
import ViewfinderVectorSearch

extension ViewfinderApplication {
    /// Opens the configured catalog, runs pending migrations, runs `body` with it, and shuts the catalog down.
    ///
    /// PostgreSQL: the connection pool runs as a service in a child task for the scope's lifetime and is
    /// cancelled (graceful shutdown) when `body` ends. MariaDB: blocking connector calls run on a bounded
    /// thread pool that lives for the scope.
    /// Backends without vector SQL (SQLite, MariaDB before 11.7) get the in-process vector index as their vector role.
    public func withCatalog<T: Sendable>(_ body: (Catalog) async throws -> T) async throws -> T {
        switch configuration.database {
        case .sqlite(let path, let precision):
            return try await body(inProcessIndex(try SQLiteCatalog(path: path, vectorPrecision: precision)))
        case .postgres(let address):
            let catalog = PostgresCatalog(configuration: try Self.postgresConfiguration(address, wait: configuration.databaseWait), logger: logger)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await catalog.run() }
                defer { group.cancelAll() }
                try await catalog.checkConnection()
                try await Self.withTimeout(seconds: 30, "cannot reach PostgreSQL at \(address.host):\(address.port)") {
                    try await catalog.migrate()
                }
                return try await body(Catalog(store: catalog))
            }
        case .mariadb(let address):
            let threadPool = NIOThreadPool(numberOfThreads: Self.databaseThreads)
            threadPool.start()
            do {
                let catalog = try await MariaDBCatalog.open(
                    configuration: try Self.mariaDBConfiguration(address, wait: configuration.databaseWait), threadPool: threadPool)
                do {
                    let result = try await body(catalog.hasNativeVectors ? Catalog(store: catalog) : inProcessIndex(catalog))
                    await catalog.close()
                    try? await threadPool.shutdownGracefully()
                    return result
                } catch {
                    await catalog.close()
                    throw error
                }
            } catch {
                try? await threadPool.shutdownGracefully()
                throw error
            }
        }
    }

    /// A catalog without vector SQL, searched by the in-process vector index on the application's search pool.
    func inProcessIndex(_ store: any PhotoCatalog) -> Catalog {
        let index = InProcessVectorIndex(
            source: store,
            settings: InProcessVectorSettings(precision: configuration.vectorPrecision, threads: configuration.threads),
            pool: VectorScanPool(threadPool: searchPool))
        return Catalog(store: store, vectors: index)
    }

    /// Connections (and blocking threads) for a server catalog: enough for a writer and a few readers.
    static let databaseThreads = 4

    static func postgresConfiguration(
        _ address: DatabaseServerAddress, wait: Duration
    ) throws(ViewfinderError) -> PostgresCatalogConfiguration {
        let tls: PostgresCatalogConfiguration.TLSMode
        switch address.options["sslmode"]?.lowercased() ?? "prefer" {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer
        case "require", "verify-ca", "verify-full": tls = .require
        case let other:
            throw ViewfinderError(.configurationInvalid, "sslmode must be disable, prefer or require, not '\(other)'")
        }
        var configuration = PostgresCatalogConfiguration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: tls, maximumConnections: databaseThreads,
            vectorPrecision: try DatabaseLocation.precision(address.options))
        configuration.connectionWaitLimit = wait
        configuration.connectionWait = min(configuration.connectionWait, wait)
        if let efSearch = try DatabaseLocation.efSearch(address.options) { configuration.efSearch = efSearch }
        return configuration
    }

    static func mariaDBConfiguration(
        _ address: DatabaseServerAddress, wait: Duration
    ) throws(ViewfinderError) -> MariaDBCatalogConfiguration {
        var configuration = MariaDBCatalogConfiguration(
            host: address.host == "localhost" ? "127.0.0.1" : address.host, port: address.port, username: address.user,
            password: address.password, database: address.database, maximumConnections: databaseThreads)
        configuration.connectionWait = wait
        if let efSearch = try DatabaseLocation.efSearch(address.options) { configuration.efSearch = efSearch }
        return configuration
    }

    /// Runs `operation`, failing with `message` when it takes longer than `seconds`.
    static func withTimeout<T: Sendable>(
        seconds: Int, _ message: String, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw ViewfinderError(.storageFailed, message)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw ViewfinderError(.storageFailed, message) }
            return first
        }
    }
}
