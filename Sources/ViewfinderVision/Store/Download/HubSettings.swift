public import Foundation
public import ViewfinderCore

/// Where and how model files are fetched: the hub's base URL, an optional token and retry limits.
public struct HubSettings: Sendable, Equatable {
    /// The public Hugging Face hub.
    public static let defaultURL = "https://huggingface.co"

    /// The hub base URL; files are fetched from `<base>/<repository>/resolve/<revision>/<path>`.
    public var baseURL: URL
    /// A token for gated or private repositories, sent as `Authorization: Bearer` to the hub's own host only.
    public var token: String?
    /// How many times one file is attempted before the download gives up.
    public var maxAttempts: Int
    /// The pause before a retry, multiplied by the attempt number.
    public var retryDelay: Duration
    /// How long to wait for a connection.
    public var connectTimeout: Duration
    /// How long a connection may stay silent while a file is being received.
    public var readTimeout: Duration

    /// Creates settings; the defaults suit the public hub.
    public init(
        baseURL: URL, token: String? = nil, maxAttempts: Int = 5, retryDelay: Duration = .seconds(1),
        connectTimeout: Duration = .seconds(15), readTimeout: Duration = .seconds(60)
    ) {
        self.baseURL = baseURL
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.maxAttempts = max(1, maxAttempts)
        self.retryDelay = retryDelay
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
    }

    /// Parses a hub base URL: `http` or `https` with a host, no query.
    public static func parseURL(_ text: String) throws(ViewfinderError) -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed),
            let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty, url.query == nil
        else {
            throw ViewfinderError(
                .configurationInvalid, "the hub URL '\(text)' must look like https://huggingface.co (http or https, no query)")
        }
        return url
    }

    /// The URL of `path` in `repository` at `revision`.
    public func fileURL(repository: String, revision: String, path: String) -> URL {
        let segments = repository.split(separator: "/").map { Self.encode(String($0)) }
        // A revision such as refs/pr/1 is one path segment on the hub, so its slashes are encoded too.
        let file = path.split(separator: "/").map { Self.encode(String($0)) }.joined(separator: "/")
        let text = baseURL.absoluteString + "/" + segments.joined(separator: "/") + "/resolve/"
            + Self.encode(revision) + "/" + file
        return URL(string: text) ?? baseURL
    }

    /// Whether `url` is on the hub's own scheme, host and port (the only place the token goes).
    func isHubOrigin(_ url: URL) -> Bool {
        url.scheme?.lowercased() == baseURL.scheme?.lowercased() && url.host?.lowercased() == baseURL.host?.lowercased()
            && Self.port(of: url) == Self.port(of: baseURL)
    }

    private static func port(of url: URL) -> Int? {
        url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
    }

    private static func encode(_ segment: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;?#")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
