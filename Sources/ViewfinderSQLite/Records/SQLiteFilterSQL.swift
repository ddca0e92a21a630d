import Foundation
import GRDB
import ViewfinderCore

/// Translates a `PhotoFilter` into an SQLite WHERE clause over `photos` (never interpolating values).
struct SQLiteFilterSQL {
    /// Conditions joined with AND; always restricts to indexed photos.
    private(set) var conditions: [String] = ["photos.index_status = 'indexed'"]
    /// The bound values, in placeholder order.
    private(set) var arguments = StatementArguments()

    init(_ filter: PhotoFilter) {
        if let after = filter.takenAfter {
            add("photos.taken_at >= ?", [after.timeIntervalSince1970])
        }
        if let before = filter.takenBefore {
            add("photos.taken_at < ?", [before.timeIntervalSince1970])
        }
        addAnyLike(["photos.camera_make", "photos.camera_model"], filter.cameraLikePatterns)
        if let box = filter.boundingBox {
            let longitude = box.crossesAntimeridian
                ? "(photos.longitude >= ? OR photos.longitude <= ?)" : "(photos.longitude >= ? AND photos.longitude <= ?)"
            add("photos.latitude >= ? AND photos.latitude <= ? AND " + longitude, [box.south, box.north, box.west, box.east])
        }
        if let hasLocation = filter.hasLocation {
            add(hasLocation
                ? "(photos.latitude IS NOT NULL AND photos.longitude IS NOT NULL)"
                : "(photos.latitude IS NULL OR photos.longitude IS NULL)", [])
        }
        if let albumID = filter.albumID {
            add("EXISTS (SELECT 1 FROM album_photos WHERE album_photos.photo_id = photos.id AND album_photos.album_id = ?)", [albumID])
        }
        if let favorite = filter.favorite { add("photos.favorite = ?", [favorite]) }
        if let archived = filter.archived { add("photos.archived = ?", [archived]) }
        if let match = Self.matchExpression(filter.keywordTerms) {
            add("photos.id IN (SELECT rowid FROM photos_fts WHERE photos_fts MATCH ?)", [match])
        }
        addSearchConditions(filter)
    }

    /// The clause without the `WHERE` keyword.
    var sql: String { conditions.joined(separator: " AND ") }

    /// An FTS5 query in which every term must occur; terms are quoted, so no operator can sneak in.
    static func matchExpression(_ terms: [String]) -> String? {
        terms.isEmpty ? nil : terms.map { "\"\($0)\"" }.joined(separator: " ")
    }

    /// Adds a condition and its bound values.
    mutating func add(_ condition: String, _ values: [(any DatabaseValueConvertible)?]) {
        conditions.append(condition)
        arguments += StatementArguments(values)
    }
}
