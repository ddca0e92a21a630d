import Foundation
import Logging
import NIOPosix
import Testing
import VectorIndex
import ViewfinderCore
import ViewfinderMariaDB
import ViewfinderPostgres
import ViewfinderSQLite
import ViewfinderTestSupport
import ViewfinderVectorSearch

/// A catalog implementation under contract test, each on a fresh, empty database of its own.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory, sqlite, postgres, mariadb10, mariadb11
    /// SQLite behind the in-process vector index (float16 rows re-scored in float32).
    case sqliteInProcess = "sqlite+in-process"
    /// MariaDB 10.11 behind the in-process vector index (int8 rows re-scored in float32).
    case mariadb10InProcess = "mariadb10+in-process"

    /// The real databases (everything but the in-memory fake).
    static let databases: [Backend] = [.sqlite, .postgres, .mariadb10, .mariadb11]

    var testDescription: String { rawValue }

    /// What a test gets: the catalog, plus a way to open a second instance on the same database.
    struct Scope: Sendable {
        /// The catalog under test.
        let catalog: any PhotoCatalog
        /// Its vector-search role: the catalog itself, or the in-process index over it.
        var vectors: any VectorSearching
        /// Opens another catalog on the same database (running its migrations) and returns its applied migrations.
        let reopen: @Sendable () async throws -> [String]
        /// The migrations applied to the database.
        let appliedMigrations: @Sendable () async throws -> [String]
        /// For the in-process variants: the wrapped catalog, written to directly as another process would.
        var direct: (any PhotoCatalog)? = nil

        /// A scope whose catalog searches its own vectors.
        init(
            catalog: any PhotoCatalog, vectors: (any VectorSearching)? = nil,
            reopen: @escaping @Sendable () async throws -> [String],
            appliedMigrations: @escaping @Sendable () async throws -> [String], direct: (any PhotoCatalog)? = nil
        ) {
            self.catalog = catalog
            self.vectors = vectors ?? catalog
            self.reopen = reopen
            self.appliedMigrations = appliedMigrations
            self.direct = direct
        }

        /// The catalog's roles as the application wires them.
        var roles: Catalog { Catalog(store: catalog, vectors: vectors) }
    }

    /// Runs `body` with a catalog on a fresh database; the database is dropped afterwards. `efSearch` replaces the
    /// PostgreSQL and MariaDB catalogs' default.
    func withCatalog(
        precision: VectorPrecision = .float32, efSearch: Int? = nil, _ body: @Sendable (Scope) async throws -> Void
    ) async throws {
        let logger = Self.quietLogger
        switch self {
        case .sqliteInProcess, .mariadb10InProcess:
            let base: Backend = self == .sqliteInProcess ? .sqlite : .mariadb10
            let settings = InProcessVectorSettings(precision: self == .sqliteInProcess ? .float16 : .int8, threads: 2)
            try await base.withCatalog(precision: precision) { scope in
                let index = InProcessVectorIndex(
                    source: scope.catalog, settings: settings, pool: VectorScanPool(threadPool: NIOThreadPool.singleton))
                try await body(Scope(
                    catalog: scope.catalog, vectors: index, reopen: scope.reopen,
                    appliedMigrations: scope.appliedMigrations, direct: scope.catalog))
            }
        case .memory:
            let catalog = InMemoryPhotoCatalog()
            try await body(Scope(catalog: catalog, reopen: { [] }, appliedMigrations: { [] }))
        case .sqlite:
            let folder = try TestPaths.makeTemporaryDirectory("viewfinder-contract")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("catalog.db").path
            let catalog = try SQLiteCatalog(path: path, vectorPrecision: precision)
            try await body(Scope(
                catalog: catalog,
                reopen: { try await SQLiteCatalog(path: path, vectorPrecision: precision).appliedMigrations() },
                appliedMigrations: { try await catalog.appliedMigrations() }))
        case .postgres:
            let server = TestDatabaseServer.postgres
            let scratch = try await server.createScratchDatabase()
            var settings = Self.postgresConfiguration(scratch, precision: precision)
            if let efSearch { settings.efSearch = efSearch }
            let configuration = settings
            let catalog = PostgresCatalog(configuration: configuration, logger: logger)
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await catalog.run() }
                    defer { group.cancelAll() }
                    try await catalog.migrate()
                    try await body(Scope(
                        catalog: catalog,
                        reopen: {
                            let second = PostgresCatalog(configuration: configuration, logger: logger)
                            return try await withThrowingTaskGroup(of: Void.self) { inner in
                                inner.addTask { try await second.run() }
                                defer { inner.cancelAll() }
                                try await second.migrate()
                                return try await second.appliedMigrations()
                            }
                        },
                        appliedMigrations: { try await catalog.appliedMigrations() }))
                }
            } catch {
                await server.dropScratchDatabase(scratch)
                throw error
            }
            await server.dropScratchDatabase(scratch)
        case .mariadb10, .mariadb11:
            let server: TestDatabaseServer = self == .mariadb10 ? .mariadb10 : .mariadb11
            let scratch = try await server.createScratchDatabase()
            var settings = MariaDBCatalogConfiguration(
                host: scratch.host ?? "127.0.0.1", port: scratch.port ?? 3306, username: scratch.user ?? "",
                password: scratch.password, database: String(scratch.path.dropFirst()), maximumConnections: 8)
            if let efSearch { settings.efSearch = efSearch }
            let configuration = settings
            let catalog = try await MariaDBCatalog.open(configuration: configuration, threadPool: NIOThreadPool.singleton)
            do {
                #expect(catalog.hasNativeVectors == (self == .mariadb11), "server \(catalog.serverVersion)")
                try await body(Scope(
                    catalog: catalog,
                    reopen: {
                        let second = try await MariaDBCatalog.open(configuration: configuration, threadPool: NIOThreadPool.singleton)
                        let applied = try await second.appliedMigrations()
                        await second.close()
                        return applied
                    },
                    appliedMigrations: { try await catalog.appliedMigrations() }))
            } catch {
                await catalog.close()
                await server.dropScratchDatabase(scratch)
                throw error
            }
            await catalog.close()
            await server.dropScratchDatabase(scratch)
        }
    }

    private static let quietLogger: Logger = {
        var logger = Logger(label: "viewfinder-contract")
        logger.logLevel = .error
        return logger
    }()

    /// Whether nearest-neighbour queries take a native approximate path on this backend.
    var hasApproximateIndex: Bool { self == .postgres || self == .mariadb11 }

    private static func postgresConfiguration(_ url: URLComponents, precision: VectorPrecision) -> PostgresCatalogConfiguration {
        var configuration = PostgresCatalogConfiguration(
            host: url.host ?? "127.0.0.1", port: url.port ?? 5432, username: url.user ?? "", password: url.password,
            database: String(url.path.dropFirst()), tls: .disable, maximumConnections: 8, vectorPrecision: precision)
        // Under ThreadSanitizer every connection's SCRAM handshake runs instrumented, and dozens of suites
        // connect at once; `make sanitize` stretches the waits (VIEWFINDER_TEST_WAIT_SCALE) so that a slow
        // lease is not mistaken for a server that is down.
        let scale = ProcessInfo.processInfo.environment["VIEWFINDER_TEST_WAIT_SCALE"].flatMap(Int.init) ?? 1
        if scale > 1 {
            configuration.connectionWait = configuration.connectionWait * scale
            configuration.connectionWaitLimit = configuration.connectionWaitLimit * scale
        }
        return configuration
    }
}
