import ViewfinderCore

/// The search fields of `PhotoFilter` (dates, paths, exposure, place, media).
extension PhotoFilterSQL {
    /// One condition per search field set in `filter`.
    func searchConditions(_ filter: PhotoFilter) -> [SQLFragment] {
        var conditions: [SQLFragment] = []
        if !filter.years.isEmpty {
            let ranges: [SQLFragment] = filter.yearRanges.map { range in
                "(photos.taken_at >= \(dialect.date(range.lowerBound)) AND photos.taken_at < \(dialect.date(range.upperBound)))"
            }
            conditions.append("(" + SQLFragment.joined(ranges, separator: " OR ") + ")")
        }
        conditions += calendarPart(.month, filter.months)
        conditions += calendarPart(.day, filter.days)
        conditions += anyLike(["photos.path"], filter.folderPatterns)
        conditions += anyLike(["photos.path"], filter.namePatterns)
        conditions += anyLike(["photos.lens"], filter.lensPatterns)
        conditions += anyLike(["photos.mime_type"], filter.mediaTypePatterns)
        if let iso = filter.iso { conditions.append("photos.iso BETWEEN \(iso.lowerBound) AND \(iso.upperBound)") }
        if let f = filter.fNumber { conditions.append("photos.f_number BETWEEN \(f.lowerBound) AND \(f.upperBound)") }
        if let mm = filter.focalLength {
            conditions.append("photos.focal_length BETWEEN \(mm.lowerBound) AND \(mm.upperBound)")
        }
        if let near = filter.near { conditions.append(Self.within(near)) }
        if let shape = filter.shape { conditions.append(Self.shape(shape)) }
        if let megapixels = filter.minimumMegapixels {
            conditions.append("\(sql: dialect.wideInteger("photos.width")) * photos.height >= \(megapixels * 1_000_000)")
        }
        return conditions
    }

    private func calendarPart(_ part: CalendarPart, _ values: [Int]) -> [SQLFragment] {
        guard !values.isEmpty else { return [] }
        let list = SQLFragment.joined(values.map { "\($0)" }, separator: ", ")
        return ["\(sql: dialect.calendarPart(part, of: "photos.taken_at")) IN (\(list))"]
    }
}
