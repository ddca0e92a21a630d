import MariaDBClient
import ViewfinderCore

/// The search fields of `PhotoFilter` (dates, paths, exposure, place, media) in MariaDB.
extension MariaDBFilterSQL {
    /// Appends ` AND …` for every search field set in `filter`.
    static func appendSearchConditions(_ query: inout MariaDBQuery, _ filter: PhotoFilter) {
        if !filter.years.isEmpty {
            query.append(unsafeSQL: " AND (")
            for (index, range) in filter.yearRanges.enumerated() {
                if index > 0 { query.append(unsafeSQL: " OR ") }
                query.append(
                    "(photos.taken_at >= \(MariaDBDateTime.format(range.lowerBound)) AND photos.taken_at < \(MariaDBDateTime.format(range.upperBound)))")
            }
            query.append(unsafeSQL: ")")
        }
        appendIn(&query, "MONTH(photos.taken_at)", filter.months)
        appendIn(&query, "DAYOFMONTH(photos.taken_at)", filter.days)
        let mediaPatterns = filter.mediaTypes.map { $0.hasSuffix("/") ? LikePattern.literal($0) + "%" : LikePattern.literal($0) }
        appendAnyLike(&query, ["photos.path"], filter.folderLikePatterns)
        appendAnyLike(&query, ["photos.path"], filter.nameLikePatterns)
        appendAnyLike(&query, ["photos.lens"], filter.lensLikePatterns)
        appendAnyLike(&query, ["photos.mime_type"], mediaPatterns)
        if let iso = filter.iso { query.append(" AND photos.iso BETWEEN \(iso.lowerBound) AND \(iso.upperBound)") }
        if let f = filter.fNumber { query.append(" AND photos.f_number BETWEEN \(f.lowerBound) AND \(f.upperBound)") }
        if let mm = filter.focalLength {
            query.append(" AND photos.focal_length BETWEEN \(mm.lowerBound) AND \(mm.upperBound)")
        }
        if let near = filter.near {
            let box = SearchGeometry.enclosingBox(near)
            let (latitude, longitude) = (near.latitude, near.longitude)
            let (kLatitude, kLongitude) = (near.kilometresPerDegreeLatitude, near.kilometresPerDegreeLongitude)
            query.append(
                " AND photos.latitude BETWEEN \(box.south) AND \(box.north) AND photos.longitude BETWEEN \(box.west) AND \(box.east)")
            query.append(
                " AND ((photos.latitude - \(latitude)) * \(kLatitude)) * ((photos.latitude - \(latitude)) * \(kLatitude)) + ((photos.longitude - \(longitude)) * \(kLongitude)) * ((photos.longitude - \(longitude)) * \(kLongitude)) <= \(near.radiusKilometres * near.radiusKilometres)")
        }
        if let shape = filter.shape { query.append(unsafeSQL: " AND " + SearchGeometry.shapeCondition(shape)) }
        if let megapixels = filter.minimumMegapixels {
            query.append(" AND CAST(photos.width AS SIGNED) * photos.height >= \(megapixels * 1_000_000)")
        }
    }

    /// ` AND (…)`: at least one of `columns` (lowercased, NULL as '') is LIKE one of `patterns`.
    static func appendAnyLike(_ query: inout MariaDBQuery, _ columns: [String], _ patterns: [String]) {
        guard !patterns.isEmpty else { return }
        query.append(unsafeSQL: " AND (")
        var first = true
        for pattern in patterns {
            for column in columns {
                if !first { query.append(unsafeSQL: " OR ") }
                first = false
                query.append(unsafeSQL: "LOWER(COALESCE(\(column), '')) LIKE ")
                query.append(value: .text(pattern))
            }
        }
        query.append(unsafeSQL: ")")
    }

    private static func appendIn(_ query: inout MariaDBQuery, _ expression: String, _ values: [Int]) {
        guard !values.isEmpty else { return }
        query.append(unsafeSQL: " AND \(expression) IN (")
        for (index, value) in values.enumerated() {
            if index > 0 { query.append(unsafeSQL: ", ") }
            query.append(value: .integer(Int64(value)))
        }
        query.append(unsafeSQL: ")")
    }
}
