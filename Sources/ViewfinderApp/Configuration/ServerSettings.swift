import Foundation
public import ViewfinderCore
public import ViewfinderHTTP

/// What `viewfinder serve` needs beyond the common configuration: address, auth and limits.
public struct ServerSettings: Sendable, Equatable {
    /// Address, port, limits and auth of the HTTP server.
    public var http: HTTPServerSettings

    /// Reads the `http_*`, auth, limit keys.
    public init(sources: ConfigurationSources) throws(ViewfinderError) {
        var http = HTTPServerSettings()
        if let host = sources.value(.httpHost) { http.host = host.trimmingCharacters(in: .whitespaces) }
        if let port = sources.value(.httpPort) {
            http.port = try Self.number(port, name: "port", range: 1...65_535)
        }
        var limits = APILimits()
        if let text = sources.value(.maxQueryLength) {
            limits.maxQueryLength = try Self.number(text, name: "max-query-length", range: 16...100_000)
        }
        if let text = sources.value(.maxCount) { limits.maxCount = try Self.number(text, name: "max-count", range: 1...1000) }
        if let text = sources.value(.maxUploadBytes) {
            limits.maxUploadBytes = try Self.number(text, name: "max-upload-bytes", range: 1024...1_073_741_824)
        }
        if let text = sources.value(.maxConcurrentUploads) {
            limits.maxConcurrentUploads = try Self.number(text, name: "max-concurrent-uploads", range: 1...64)
        }
        http.limits = limits
        var auth = AuthSettings()
        if let hash = sources.value(.adminPasswordHash) {
            do throws(ViewfinderHTTPError) {
                try PasswordHash.validate(hash)
            } catch {
                throw ViewfinderError(.configurationInvalid, error.message)
            }
            auth.passwordHash = hash
        }
        if let tokens = sources.value(.apiTokenHashes) {
            let digests = tokens.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard digests.allSatisfy({ $0.count == 64 && $0.allSatisfy(\.isHexDigit) }) else {
                throw ViewfinderError(
                    .configurationInvalid, "api-token-hashes must be comma-separated SHA-256 hex digests (64 characters each)")
            }
            auth.tokenHashes = digests
        }
        auth.secureCookie = try IndexingSettings.bool(sources.value(.secureCookie), name: "secure-cookie", default: false)
        http.auth = auth
        if let text = sources.value(.allowInsecureRemote) {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "yes", "on", "1": http.allowInsecureRemote = true
            case "false", "no", "off", "0": http.allowInsecureRemote = false
            default: throw ViewfinderError(.configurationInvalid, "allow-insecure-remote must be true or false, not '\(text)'")
            }
        }
        do throws(ViewfinderHTTPError) {
            try http.validate()
        } catch {
            throw ViewfinderError(.configurationInvalid, error.message)
        }
        self.http = http
    }

    private static func number(_ text: String, name: String, range: ClosedRange<Int>) throws(ViewfinderError) -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw ViewfinderError(
                .configurationInvalid, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return value
    }
}
