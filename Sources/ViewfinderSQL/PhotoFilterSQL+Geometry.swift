import ViewfinderCore

/// Conditions on a photo's place and shape, in plain SQL arithmetic that every dialect shares.
extension PhotoFilterSQL {
    /// Inside `box`; a box across the antimeridian takes the longitudes on either side of it.
    static func inside(_ box: GeoBox) -> SQLFragment {
        let join = box.crossesAntimeridian ? "OR" : "AND"
        return "photos.latitude >= \(box.south) AND photos.latitude <= \(box.north) AND "
            + "(photos.longitude >= \(box.west) \(sql: join) photos.longitude <= \(box.east))"
    }

    /// Within `circle` (the equirectangular distance of `GeoCircle`), behind an index-friendly box pre-filter.
    static func within(_ circle: GeoCircle) -> SQLFragment {
        let box = circle.enclosingBox
        let dy: SQLFragment = "((photos.latitude - \(circle.latitude)) * \(circle.kilometresPerDegreeLatitude))"
        let dx: SQLFragment = "((photos.longitude - \(circle.longitude)) * \(circle.kilometresPerDegreeLongitude))"
        return "photos.latitude BETWEEN \(box.south) AND \(box.north) AND photos.longitude BETWEEN \(box.west) AND \(box.east)"
            + " AND \(dy) * \(dy) + \(dx) * \(dx) <= \(circle.radiusKilometres * circle.radiusKilometres)"
    }

    /// The condition on `photos.width` and `photos.height` for `shape` (no bound values).
    static func shape(_ shape: PhotoShape) -> SQLFragment {
        switch shape {
        case .portrait: "(photos.width > 0 AND photos.height > photos.width)"
        case .landscape: "(photos.height > 0 AND photos.width > photos.height)"
        case .square: "(photos.width > 0 AND photos.width = photos.height)"
        }
    }
}
