import MariaDBClient
import ViewfinderCore

/// Translates a `PhotoFilter` into MariaDB conditions over `photos` (values are escaped by the connection).
enum MariaDBFilterSQL {
    /// The conditions joined with AND, starting with the indexed-status rule.
    static func conditions(_ filter: PhotoFilter) -> MariaDBQuery {
        var query: MariaDBQuery = "photos.index_status = 'indexed'"
        if let after = filter.takenAfter {
            query.append(" AND photos.taken_at >= \(MariaDBDateTime.format(after))")
        }
        if let before = filter.takenBefore {
            query.append(" AND photos.taken_at < \(MariaDBDateTime.format(before))")
        }
        appendAnyLike(&query, ["photos.camera_make", "photos.camera_model"], filter.cameraLikePatterns)
        if let box = filter.boundingBox {
            let join = box.crossesAntimeridian ? "OR" : "AND"
            query.append(
                " AND photos.latitude >= \(box.south) AND photos.latitude <= \(box.north) AND (photos.longitude >= \(box.west) \(unsafeSQL: join) photos.longitude <= \(box.east))")
        }
        if let hasLocation = filter.hasLocation {
            query.append(unsafeSQL: hasLocation
                ? " AND (photos.latitude IS NOT NULL AND photos.longitude IS NOT NULL)"
                : " AND (photos.latitude IS NULL OR photos.longitude IS NULL)")
        }
        if let albumID = filter.albumID {
            query.append(
                " AND EXISTS (SELECT 1 FROM album_photos WHERE album_photos.photo_id = photos.id AND album_photos.album_id = \(albumID))")
        }
        if let favorite = filter.favorite { query.append(" AND photos.favorite = \(favorite)") }
        if let archived = filter.archived { query.append(" AND photos.archived = \(archived)") }
        if let match = booleanQuery(filter.keywordTerms) {
            query.append(" AND MATCH (photos.title, photos.description, photos.keywords) AGAINST (\(match) IN BOOLEAN MODE)")
        }
        appendSearchConditions(&query, filter)
        return query
    }

    /// A boolean-mode full-text query in which every term is required; terms hold only letters and digits.
    static func booleanQuery(_ terms: [String]) -> String? {
        terms.isEmpty ? nil : terms.map { "+" + $0 }.joined(separator: " ")
    }
}
