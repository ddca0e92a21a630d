import Foundation

/// Turns EXIF and XMP GPS values into signed decimal degrees and metres.
///
/// Results are rounded to 1e-7° (about 1 cm) and 1 mm, far below GPS accuracy, so a value
/// written as decimal degrees by one tool reads back as exactly that value whichever
/// rational form another tool chose.
public enum GPSCoordinates {
    /// The largest latitude, in degrees.
    public static let latitudeLimit = 90.0
    /// The largest longitude, in degrees.
    public static let longitudeLimit = 180.0

    /// Degrees from EXIF rationals (degrees, minutes, seconds — or fewer) and a reference letter.
    ///
    /// `reference` is N/S for latitudes and E/W for longitudes (S and W make the value negative).
    /// Returns nil for missing, malformed or out-of-range values.
    public static func degrees(_ components: [Double?], reference: String?, limit: Double) -> Double? {
        guard !components.isEmpty, components.count <= 3 else { return nil }
        var total = 0.0
        for (index, component) in components.enumerated() {
            guard let component, component >= 0 else { return nil }
            // Minutes and seconds beyond 60 mean a broken writer, not a position.
            if index > 0, component >= 60 { return nil }
            total += component / pow(60, Double(index))
        }
        return signed(total, reference: reference, limit: limit)
    }

    /// Degrees from XMP's `DDD,MM,SSk` or `DDD,MM.mmk` form (k is N, S, E or W), or from a signed decimal.
    public static func degrees(xmp value: String, limit: Double) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last else { return nil }
        if last.isNumber {
            guard let decimal = Double(trimmed), decimal.isFinite, abs(decimal) <= limit else { return nil }
            return rounded(decimal, places: 7)
        }
        let numbers = trimmed.dropLast().split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        return degrees(numbers, reference: String(last), limit: limit)
    }

    /// Metres above sea level; a reference of 1 (libexif: "Sea level reference") means below.
    public static func altitude(_ value: Double?, reference: String?) -> Double? {
        guard let value, value.isFinite, value >= 0, value < 100_000 else { return nil }
        return rounded(isBelowSeaLevel(reference) ? -value : value, places: 3)
    }

    /// Whether an EXIF or XMP GPSAltitudeRef says "below sea level".
    static func isBelowSeaLevel(_ reference: String?) -> Bool {
        guard let reference = reference?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        // libvips shows this Byte entry as libexif's text: 0 "Sea level", 1 "Sea level reference".
        return reference == "1" || reference.contains("reference") || reference.contains("below")
    }

    private static func signed(_ value: Double, reference: String?, limit: Double) -> Double? {
        guard value.isFinite, value <= limit else { return nil }
        let letter = reference?.trimmingCharacters(in: .whitespaces).uppercased().first
        switch letter {
        case "S", "W": return rounded(-value, places: 7)
        case "N", "E", nil: return rounded(value, places: 7)
        default: return nil
        }
    }

    /// `value` rounded to `places` decimals.
    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}
