import Foundation
import GRDB
import ViewfinderCore

/// The search fields of `PhotoFilter` (dates, paths, exposure, place, media) in SQLite.
extension SQLiteFilterSQL {
    /// Adds one condition per search field set in `filter`.
    mutating func addSearchConditions(_ filter: PhotoFilter) {
        if !filter.years.isEmpty {
            let ranges = filter.yearRanges
            add("(" + ranges.map { _ in "(photos.taken_at >= ? AND photos.taken_at < ?)" }.joined(separator: " OR ") + ")",
                ranges.flatMap { [$0.lowerBound.timeIntervalSince1970, $0.upperBound.timeIntervalSince1970] })
        }
        addCalendarPart("%m", filter.months)
        addCalendarPart("%d", filter.days)
        addAnyLike(["photos.path"], filter.folderLikePatterns)
        addAnyLike(["photos.path"], filter.nameLikePatterns)
        addAnyLike(["photos.lens"], filter.lensLikePatterns)
        if let iso = filter.iso { add("photos.iso BETWEEN ? AND ?", [iso.lowerBound, iso.upperBound]) }
        if let f = filter.fNumber { add("photos.f_number BETWEEN ? AND ?", [f.lowerBound, f.upperBound]) }
        if let mm = filter.focalLength { add("photos.focal_length BETWEEN ? AND ?", [mm.lowerBound, mm.upperBound]) }
        if let near = filter.near {
            let box = SearchGeometry.enclosingBox(near)
            add(
                "photos.latitude BETWEEN ? AND ? AND photos.longitude BETWEEN ? AND ? AND "
                    + "((photos.latitude - ?) * ?) * ((photos.latitude - ?) * ?) + "
                    + "((photos.longitude - ?) * ?) * ((photos.longitude - ?) * ?) <= ?",
                [box.south, box.north, box.west, box.east,
                 near.latitude, near.kilometresPerDegreeLatitude, near.latitude, near.kilometresPerDegreeLatitude,
                 near.longitude, near.kilometresPerDegreeLongitude, near.longitude, near.kilometresPerDegreeLongitude,
                 near.radiusKilometres * near.radiusKilometres])
        }
        if !filter.mediaTypes.isEmpty {
            let patterns = filter.mediaTypes.map { $0.hasSuffix("/") ? LikePattern.literal($0) + "%" : LikePattern.literal($0) }
            addAnyLike(["photos.mime_type"], patterns)
        }
        if let shape = filter.shape { add(SearchGeometry.shapeCondition(shape), []) }
        if let megapixels = filter.minimumMegapixels {
            add("photos.width * photos.height >= ?", [megapixels * 1_000_000])
        }
    }

    /// At least one of `columns` (lowercased, NULL as '') is LIKE one of `patterns`.
    mutating func addAnyLike(_ columns: [String], _ patterns: [String]) {
        guard !patterns.isEmpty else { return }
        var alternatives: [String] = []
        var values: [String] = []
        for pattern in patterns {
            for column in columns {
                alternatives.append("lower(coalesce(\(column), '')) LIKE ? ESCAPE '\\'")
                values.append(pattern)
            }
        }
        add("(" + alternatives.joined(separator: " OR ") + ")", values)
    }

    private mutating func addCalendarPart(_ format: String, _ values: [Int]) {
        guard !values.isEmpty else { return }
        add("CAST(strftime('\(format)', photos.taken_at, 'unixepoch') AS INTEGER) IN ("
                + values.map { _ in "?" }.joined(separator: ", ") + ")", values)
    }
}
