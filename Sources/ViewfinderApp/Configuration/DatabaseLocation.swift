import Foundation
public import ViewfinderCore

/// Where the catalog lives, parsed from a database URL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite file (`sqlite:///absolute/path.db`).
    case sqlite(path: String, vectorPrecision: VectorPrecision)
    /// A PostgreSQL server with pgvector (`postgres://user:pass@host:5432/db`).
    case postgres(DatabaseServerAddress)
    /// A MariaDB server (`mariadb://user:pass@host:3306/db`).
    case mariadb(DatabaseServerAddress)

    /// The SQLite catalog at `path` with float32 vectors.
    public static func sqlite(path: String) -> Self { .sqlite(path: path, vectorPrecision: .float32) }

    private static let supported =
        "use sqlite:///path/catalog.db, postgres://user:password@host:5432/database or mariadb://user:password@host:3306/database"

    /// Parses a database URL; unsupported schemes and malformed URLs get an error that says what is supported.
    ///
    /// Options: `?vector_precision=float16` (SQLite blobs, PostgreSQL `halfvec`), for PostgreSQL
    /// `?sslmode=disable|prefer|require`, and for PostgreSQL and MariaDB ≥ 11.7 `?ef_search=N` (1–1000).
    public init(url: String) throws(ViewfinderError) {
        let scheme = url.split(separator: ":", maxSplits: 1).first.map { String($0).lowercased() } ?? url
        switch scheme {
        case "sqlite":
            let rest = String(url.dropFirst("sqlite://".count))
            let parts = rest.split(separator: "?", maxSplits: 1).map(String.init)
            let path = parts.first ?? ""
            guard url.lowercased().hasPrefix("sqlite://"), path.hasPrefix("/"), path.count > 1 else {
                throw ViewfinderError(.configurationInvalid, "the SQLite URL needs an absolute path: sqlite:///path/catalog.db")
            }
            let options = parts.count > 1 ? Self.queryOptions(parts[1]) : [:]
            self = .sqlite(path: path, vectorPrecision: try Self.precision(options))
        case "postgres", "postgresql":
            self = .postgres(try Self.server(url, defaultPort: 5432, name: "PostgreSQL"))
        case "mariadb", "mysql":
            self = .mariadb(try Self.server(url, defaultPort: 3306, name: "MariaDB"))
        default:
            throw ViewfinderError(.configurationInvalid, "database scheme '\(scheme)' is not supported; \(Self.supported)")
        }
    }

    /// The backend's name: `sqlite`, `postgresql` or `mariadb`.
    public var backend: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgresql"
        case .mariadb: "mariadb"
        }
    }

    /// The URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path, _): "sqlite://\(path)"
        case .postgres(let address): address.redacted(scheme: "postgres")
        case .mariadb(let address): address.redacted(scheme: "mariadb")
        }
    }

    /// The configured approximate-search breadth (`ef_search` option), or nil for the backend's default.
    static func efSearch(_ options: [String: String]) throws(ViewfinderError) -> Int? {
        guard let value = options["ef_search"] else { return nil }
        guard let number = Int(value), (1...1000).contains(number) else {
            throw ViewfinderError(.configurationInvalid, "ef_search must be a whole number from 1 to 1000, not '\(value)'")
        }
        return number
    }

    /// The configured vector precision (`vector_precision` option).
    static func precision(_ options: [String: String]) throws(ViewfinderError) -> VectorPrecision {
        guard let value = options["vector_precision"] else { return .float32 }
        guard let precision = VectorPrecision(rawValue: value.lowercased()) else {
            throw ViewfinderError(.configurationInvalid, "vector_precision must be float32 or float16, not '\(value)'")
        }
        return precision
    }

    private static func server(_ url: String, defaultPort: Int, name: String) throws(ViewfinderError) -> DatabaseServerAddress {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw ViewfinderError(.configurationInvalid, "the \(name) URL is malformed; \(supported)")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw ViewfinderError(.configurationInvalid, "the \(name) URL needs a database name: …@\(host):\(defaultPort)/viewfinder")
        }
        guard let user = components.user, !user.isEmpty else {
            throw ViewfinderError(.configurationInvalid, "the \(name) URL needs a user: \(components.scheme ?? "")://user:password@\(host)/\(database)")
        }
        let port = components.port ?? defaultPort
        guard (1...65_535).contains(port) else {
            throw ViewfinderError(.configurationInvalid, "the \(name) port must be between 1 and 65535")
        }
        var options: [String: String] = [:]
        for item in components.queryItems ?? [] { options[item.name] = item.value ?? "" }
        return DatabaseServerAddress(
            host: host, port: port, user: user, password: components.password, database: database, options: options)
    }

    private static func queryOptions(_ query: String) -> [String: String] {
        var options: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            options[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return options
    }
}
