import PostgresNIO
import ViewfinderCore

/// The search fields of `PhotoFilter` (dates, paths, exposure, place, media) in PostgreSQL.
extension SQLBuilder {
    /// One condition per search field set in `filter`, binding its values.
    mutating func searchConditions(_ filter: PhotoFilter) -> [String] {
        var conditions: [String] = []
        if !filter.years.isEmpty {
            conditions.append("(" + filter.yearRanges.map { range in
                "(photos.taken_at >= \(bind(range.lowerBound)) AND photos.taken_at < \(bind(range.upperBound)))"
            }.joined(separator: " OR ") + ")")
        }
        if !filter.months.isEmpty {
            conditions.append("EXTRACT(MONTH FROM photos.taken_at AT TIME ZONE 'UTC')::int IN ("
                + filter.months.map { bind($0) }.joined(separator: ", ") + ")")
        }
        if !filter.days.isEmpty {
            conditions.append("EXTRACT(DAY FROM photos.taken_at AT TIME ZONE 'UTC')::int IN ("
                + filter.days.map { bind($0) }.joined(separator: ", ") + ")")
        }
        let mediaPatterns = filter.mediaTypes.map { $0.hasSuffix("/") ? LikePattern.literal($0) + "%" : LikePattern.literal($0) }
        for (columns, patterns) in [
            (["photos.path"], filter.folderLikePatterns), (["photos.path"], filter.nameLikePatterns),
            (["photos.lens"], filter.lensLikePatterns), (["photos.mime_type"], mediaPatterns),
        ] {
            if let condition = anyLike(columns, patterns) { conditions.append(condition) }
        }
        if let iso = filter.iso { conditions.append("photos.iso BETWEEN \(bind(iso.lowerBound)) AND \(bind(iso.upperBound))") }
        if let f = filter.fNumber {
            conditions.append("photos.f_number BETWEEN \(bind(f.lowerBound)) AND \(bind(f.upperBound))")
        }
        if let mm = filter.focalLength {
            conditions.append("photos.focal_length BETWEEN \(bind(mm.lowerBound)) AND \(bind(mm.upperBound))")
        }
        if let near = filter.near {
            let box = SearchGeometry.enclosingBox(near)
            let dy = "((photos.latitude - \(bind(near.latitude))) * \(bind(near.kilometresPerDegreeLatitude)))"
            let dx = "((photos.longitude - \(bind(near.longitude))) * \(bind(near.kilometresPerDegreeLongitude)))"
            conditions.append(
                "photos.latitude BETWEEN \(bind(box.south)) AND \(bind(box.north)) AND photos.longitude BETWEEN "
                    + "\(bind(box.west)) AND \(bind(box.east)) AND \(dy) * \(dy) + \(dx) * \(dx) <= "
                    + bind(near.radiusKilometres * near.radiusKilometres))
        }
        if let shape = filter.shape { conditions.append(SearchGeometry.shapeCondition(shape)) }
        if let megapixels = filter.minimumMegapixels {
            conditions.append("photos.width::bigint * photos.height >= \(bind(megapixels * 1_000_000))")
        }
        return conditions
    }

    /// At least one of `columns` (lowercased, NULL as '') is LIKE one of `patterns`; nil without patterns.
    mutating func anyLike(_ columns: [String], _ patterns: [String]) -> String? {
        guard !patterns.isEmpty else { return nil }
        var alternatives: [String] = []
        for pattern in patterns {
            let placeholder = bind(pattern)
            for column in columns { alternatives.append("lower(coalesce(\(column), '')) LIKE \(placeholder)") }
        }
        return "(" + alternatives.joined(separator: " OR ") + ")"
    }
}
