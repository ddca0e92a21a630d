public import ViewfinderCore

/// Where the catalog lives, parsed from a database URL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite file (`sqlite:///absolute/path.db`).
    case sqlite(path: String)

    /// Parses a database URL; unsupported schemes get an error that says what is supported.
    public init(url: String) throws(ViewfinderError) {
        let prefix = "sqlite://"
        if url.hasPrefix(prefix) {
            let path = String(url.dropFirst(prefix.count))
            guard path.hasPrefix("/"), path.count > 1 else {
                throw ViewfinderError(.configurationInvalid, "the SQLite URL needs an absolute path: sqlite:///path/catalog.db")
            }
            self = .sqlite(path: path)
            return
        }
        let scheme = url.split(separator: ":").first.map(String.init) ?? url
        throw ViewfinderError(
            .configurationInvalid,
            "database scheme '\(scheme)' is not supported by this build; use sqlite:///path/catalog.db")
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        }
    }
}
