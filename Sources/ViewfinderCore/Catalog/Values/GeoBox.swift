/// A latitude/longitude rectangle, given as north, east, south, west edges (PhotoPrism's `latlng`).
public struct GeoBox: Sendable, Equatable {
    /// The northern edge (largest latitude).
    public var north: Double
    /// The eastern edge.
    public var east: Double
    /// The southern edge (smallest latitude).
    public var south: Double
    /// The western edge; greater than `east` when the box crosses the antimeridian.
    public var west: Double

    /// Creates a box; edges are inclusive.
    public init(north: Double, east: Double, south: Double, west: Double) {
        self.north = north
        self.east = east
        self.south = south
        self.west = west
    }

    /// Whether the box crosses the 180° meridian.
    public var crossesAntimeridian: Bool { west > east }

    /// Whether the point lies inside the box (edges included).
    public func contains(latitude: Double, longitude: Double) -> Bool {
        guard latitude >= south, latitude <= north else { return false }
        return crossesAntimeridian
            ? (longitude >= west || longitude <= east) : (longitude >= west && longitude <= east)
    }
}
