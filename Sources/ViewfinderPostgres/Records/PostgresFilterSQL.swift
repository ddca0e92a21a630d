import PostgresNIO
import ViewfinderCore

extension SQLBuilder {
    /// Appends the conditions of `filter` on `photos` (joined with AND, starting with the indexed-status rule).
    mutating func appendConditions(_ filter: PhotoFilter) {
        var conditions = ["photos.index_status = 'indexed'"]
        if let after = filter.takenAfter { conditions.append("photos.taken_at >= \(bind(after))") }
        if let before = filter.takenBefore { conditions.append("photos.taken_at < \(bind(before))") }
        if let camera = anyLike(["photos.camera_make", "photos.camera_model"], filter.cameraLikePatterns) {
            conditions.append(camera)
        }
        if let box = filter.boundingBox {
            let join = box.crossesAntimeridian ? "OR" : "AND"
            conditions.append(
                "photos.latitude >= \(bind(box.south)) AND photos.latitude <= \(bind(box.north)) AND "
                    + "(photos.longitude >= \(bind(box.west)) \(join) photos.longitude <= \(bind(box.east)))")
        }
        if let hasLocation = filter.hasLocation {
            conditions.append(hasLocation
                ? "(photos.latitude IS NOT NULL AND photos.longitude IS NOT NULL)"
                : "(photos.latitude IS NULL OR photos.longitude IS NULL)")
        }
        if let albumID = filter.albumID {
            conditions.append(
                "EXISTS (SELECT 1 FROM album_photos WHERE album_photos.photo_id = photos.id AND album_photos.album_id = \(bind(albumID)))")
        }
        if let favorite = filter.favorite { conditions.append("photos.favorite = \(bind(favorite))") }
        if let archived = filter.archived { conditions.append("photos.archived = \(bind(archived))") }
        let terms = filter.keywordTerms
        if !terms.isEmpty {
            conditions.append("photos.search_text @@ plainto_tsquery('simple', \(bind(terms.joined(separator: " "))))")
        }
        conditions += searchConditions(filter)
        append(conditions.joined(separator: " AND "))
    }
}
