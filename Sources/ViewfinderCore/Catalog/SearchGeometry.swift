/// SQL fragments and bounds shared by every backend's filter translation (plain, portable SQL).
public enum SearchGeometry {
    /// A latitude/longitude box that contains `circle` (slightly enlarged), for an index-friendly pre-filter.
    public static func enclosingBox(_ circle: GeoCircle) -> GeoBox {
        let margin = 1.001
        let latitudeSpan = circle.radiusKilometres / circle.kilometresPerDegreeLatitude * margin
        let longitudeScale = max(circle.kilometresPerDegreeLongitude, 1e-9)
        let longitudeSpan = min(circle.radiusKilometres / longitudeScale * margin, 360)
        return GeoBox(
            north: circle.latitude + latitudeSpan, east: circle.longitude + longitudeSpan,
            south: circle.latitude - latitudeSpan, west: circle.longitude - longitudeSpan)
    }

    /// The condition on `photos.width` and `photos.height` for `shape` (no bound values).
    public static func shapeCondition(_ shape: PhotoShape) -> String {
        switch shape {
        case .portrait: return "(photos.width > 0 AND photos.height > photos.width)"
        case .landscape: return "(photos.height > 0 AND photos.width > photos.height)"
        case .square: return "(photos.width > 0 AND photos.width = photos.height)"
        }
    }
}
