import Foundation

/// The parts of a hub response that matter for downloads, parsed from its header fields.
struct HubResponseHeaders: Sendable, Equatable {
    /// The SHA-256 the hub published for the file: `X-Linked-Etag` (LFS files behind a redirect) or
    /// `ETag`, when it is 64 hex digits. Git blob ETags (40 hex) and CDN ETags do not qualify.
    let publishedSHA256: String?
    /// The file size the hub published (`X-Linked-Size`).
    let linkedSize: Int64?
    /// `Content-Length`.
    let contentLength: Int64?
    /// `Content-Range: bytes start-end/total`.
    let contentRange: ContentRange?
    /// `Location`.
    let location: String?

    /// Parses header fields (names are case-insensitive).
    init(_ fields: [(name: String, value: String)]) {
        func first(_ name: String) -> String? {
            fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        let candidates = [first("X-Linked-Etag"), first("ETag")].compactMap { $0.map(Self.normalizeETag) }
        publishedSHA256 = candidates.first(where: FileDigest.isSHA256)?.lowercased()
        linkedSize = first("X-Linked-Size").flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        contentLength = first("Content-Length").flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        contentRange = first("Content-Range").flatMap(Self.parseContentRange)
        location = first("Location")
    }

    /// Strips a weak-validator prefix and quotes: `W/"abc"` → `abc`.
    static func normalizeETag(_ value: String) -> String {
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("W/") { text.removeFirst(2) }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }

    /// Parses `bytes 100-199/1000` (the total may be `*`).
    static func parseContentRange(_ value: String) -> ContentRange? {
        let text = value.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("bytes ") else { return nil }
        let parts = text.dropFirst(6).split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let bounds = parts[0].split(separator: "-", maxSplits: 1)
        guard bounds.count == 2, let start = Int64(bounds[0]), let end = Int64(bounds[1]), start <= end else {
            return nil
        }
        return ContentRange(start: start, end: end, total: Int64(parts[1]))
    }
}

/// The byte range a `206 Partial Content` response carries.
struct ContentRange: Sendable, Equatable {
    /// The first byte's offset.
    let start: Int64
    /// The last byte's offset (inclusive).
    let end: Int64
    /// The whole file's size, when the server says.
    let total: Int64?
}
