import HTTPTypes
import Foundation

/// Decodes a URL query string into ordered name/value pairs (`+` is a space, `%XX` escapes are decoded).
enum QueryItems {
    /// The pairs of `query`; each value is checked against `maxLength` bytes.
    static func parse(_ query: String?, maxLength: Int) throws(APIError) -> [(name: String, value: String)] {
        guard let query, !query.isEmpty else { return [] }
        var items: [(name: String, value: String)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawName = String(pieces[0]).replacingOccurrences(of: "+", with: " ")
            let rawValue = pieces.count > 1 ? String(pieces[1]).replacingOccurrences(of: "+", with: " ") : ""
            guard let name = rawName.removingPercentEncoding, let value = rawValue.removingPercentEncoding else {
                throw APIError(.badRequest, "the query string has an invalid %-escape")
            }
            guard value.utf8.count <= maxLength else {
                throw APIError(.badRequest, "'\(name)' is longer than \(maxLength) bytes")
            }
            items.append((name: name, value: value))
        }
        return items
    }
}
