import Foundation

/// A point and a radius (PhotoPrism's `lat`, `lng`, `dist`).
///
/// Distance is the equirectangular approximation around the centre:
/// `d² = (R·Δφ)² + (R·cos φ₀·Δλ)²` with R = 6371 km, which every backend computes with plain arithmetic.
/// It is accurate to well under 1% for radii up to a few hundred kilometres and does not wrap at ±180°.
public struct GeoCircle: Sendable, Equatable {
    /// The centre's latitude in degrees.
    public var latitude: Double
    /// The centre's longitude in degrees.
    public var longitude: Double
    /// The radius in kilometres.
    public var radiusKilometres: Double

    /// The mean Earth radius used for distances.
    public static let earthRadiusKilometres = 6371.0

    /// Creates a circle.
    public init(latitude: Double, longitude: Double, radiusKilometres: Double) {
        self.latitude = latitude
        self.longitude = longitude
        self.radiusKilometres = radiusKilometres
    }

    /// Kilometres per degree of latitude.
    public var kilometresPerDegreeLatitude: Double { Self.earthRadiusKilometres * .pi / 180 }

    /// Kilometres per degree of longitude at the centre's latitude.
    public var kilometresPerDegreeLongitude: Double {
        kilometresPerDegreeLatitude * cos(latitude * .pi / 180)
    }

    /// The squared approximate distance in km² from the centre to a point.
    public func squaredDistance(latitude: Double, longitude: Double) -> Double {
        let dy = (latitude - self.latitude) * kilometresPerDegreeLatitude
        let dx = (longitude - self.longitude) * kilometresPerDegreeLongitude
        return dy * dy + dx * dx
    }

    /// Whether the point lies inside the circle (edge included).
    public func contains(latitude: Double, longitude: Double) -> Bool {
        squaredDistance(latitude: latitude, longitude: longitude) <= radiusKilometres * radiusKilometres
    }

    /// A latitude/longitude box that contains the circle (slightly enlarged), for an index-friendly pre-filter.
    public var enclosingBox: GeoBox {
        let margin = 1.001
        let latitudeSpan = radiusKilometres / kilometresPerDegreeLatitude * margin
        let longitudeScale = max(kilometresPerDegreeLongitude, 1e-9)
        let longitudeSpan = min(radiusKilometres / longitudeScale * margin, 360)
        return GeoBox(
            north: latitude + latitudeSpan, east: longitude + longitudeSpan,
            south: latitude - latitudeSpan, west: longitude - longitudeSpan)
    }
}
