public import ViewfinderCore

/// Translates a `PhotoFilter` into a WHERE condition over `photos` in one dialect; values are always bound.
///
/// The one translation every SQL backend uses; `PhotoFilter.matches` is the meaning it must agree with.
public struct PhotoFilterSQL: Sendable {
    /// The dialect the condition is written in.
    public let dialect: any SQLDialect

    /// Creates a translator for `dialect`.
    public init(_ dialect: some SQLDialect) { self.dialect = dialect }

    /// The conditions of `filter` joined with AND (without the `WHERE` keyword); always restricts to indexed photos.
    public func condition(_ filter: PhotoFilter) -> SQLFragment {
        SQLFragment.joined(conditions(filter), separator: " AND ")
    }

    /// One condition per field set in `filter`, starting with the indexed-status rule.
    public func conditions(_ filter: PhotoFilter) -> [SQLFragment] {
        var conditions: [SQLFragment] = ["photos.index_status = 'indexed'"]
        if let after = filter.takenAfter { conditions.append("photos.taken_at >= \(dialect.date(after))") }
        if let before = filter.takenBefore { conditions.append("photos.taken_at < \(dialect.date(before))") }
        conditions += anyLike(["photos.camera_make", "photos.camera_model"], filter.cameraPatterns)
        if let box = filter.boundingBox { conditions.append(Self.inside(box)) }
        if let hasLocation = filter.hasLocation {
            conditions.append(hasLocation
                ? "(photos.latitude IS NOT NULL AND photos.longitude IS NOT NULL)"
                : "(photos.latitude IS NULL OR photos.longitude IS NULL)")
        }
        if let albumID = filter.albumID {
            conditions.append(
                "EXISTS (SELECT 1 FROM album_photos WHERE album_photos.photo_id = photos.id AND album_photos.album_id = \(albumID))")
        }
        if let favorite = filter.favorite { conditions.append("photos.favorite = \(favorite)") }
        if let archived = filter.archived { conditions.append("photos.archived = \(archived)") }
        if let keywords = dialect.keywordCondition(filter.keywordTerms) { conditions.append(keywords) }
        return conditions + searchConditions(filter)
    }

    /// `(…)`: at least one of `columns` (lowercased, NULL as '') is LIKE one of `patterns`; empty without patterns.
    func anyLike(_ columns: [String], _ patterns: [TextPattern]) -> [SQLFragment] {
        guard !patterns.isEmpty else { return [] }
        var alternatives: [SQLFragment] = []
        for pattern in patterns {
            let text = LikePattern.text(pattern)
            for column in columns { alternatives.append(dialect.like("lower(coalesce(\(column), ''))", "\(text)")) }
        }
        return ["(" + SQLFragment.joined(alternatives, separator: " OR ") + ")"]
    }
}
