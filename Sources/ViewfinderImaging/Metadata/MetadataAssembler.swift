public import Foundation
public import ViewfinderCore

/// Builds a ``PhotoMetadata`` from what a picture file carries: libvips' EXIF strings, XMP and IPTC
/// blobs, the file name and the modification time. Pure: no I/O, deterministic for its inputs.
///
/// Precedence: EXIF, then XMP, then IPTC for each field. The capture time comes from EXIF
/// DateTimeOriginal (with SubSecTimeOriginal and OffsetTimeOriginal), else DateTimeDigitized,
/// else XMP's date, else a date in the file name, else the modification time; without a stated
/// offset the wall-clock time is read in `timeZone`. Values a catalog cannot store are dropped
/// (out-of-range coordinates, non-finite numbers), and keywords are split at commas, which the
/// catalog uses as its separator.
public struct MetadataAssembler: Sendable {
    /// The zone in which capture times without a stated offset are read.
    public let timeZone: TimeZone

    /// Creates an assembler that reads offset-less times in `timeZone`.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The assembled metadata and the UTC offset the file stated (seconds east), if any.
    public func assemble(
        exif fields: [String: String], xmp: [UInt8]?, iptc: [UInt8]?, fileName: String, modifiedAt: Date
    ) -> (metadata: PhotoMetadata, timeZoneOffset: Int?) {
        let exif = Self.exifByTag(fields)
        let xmpPacket = xmp.map { XMPPacket(parsing: $0) }
        let iptcRecord = iptc.map { IPTCRecord(parsing: $0) }
        var metadata = PhotoMetadata()

        metadata.cameraMake = exif["Make"]?.string
        metadata.cameraModel = exif["Model"]?.string
        metadata.lens = exif["LensModel"]?.string
        metadata.iso = (exif["ISOSpeedRatings"] ?? exif["PhotographicSensitivity"])?.integers.first
            .flatMap { (1...10_000_000).contains($0) ? $0 : nil }
        metadata.fNumber = Self.positive(exif["FNumber"]?.number)
        metadata.focalLength = Self.positive(exif["FocalLength"]?.number)
        metadata.exposure = exif["ExposureTime"].flatMap(Self.exposure)

        let latitude = GPSCoordinates.degrees(
            exif["GPSLatitude"]?.rationals ?? [], reference: exif["GPSLatitudeRef"]?.string,
            limit: GPSCoordinates.latitudeLimit)
            ?? xmpPacket?.gpsLatitude.flatMap { GPSCoordinates.degrees(xmp: $0, limit: GPSCoordinates.latitudeLimit) }
        let longitude = GPSCoordinates.degrees(
            exif["GPSLongitude"]?.rationals ?? [], reference: exif["GPSLongitudeRef"]?.string,
            limit: GPSCoordinates.longitudeLimit)
            ?? xmpPacket?.gpsLongitude.flatMap { GPSCoordinates.degrees(xmp: $0, limit: GPSCoordinates.longitudeLimit) }
        if let latitude, let longitude {
            metadata.latitude = latitude
            metadata.longitude = longitude
        }
        metadata.altitude = GPSCoordinates.altitude(
            exif["GPSAltitude"]?.number, reference: exif["GPSAltitudeRef"]?.string ?? exif["GPSAltitudeRef"]?.text)
            ?? GPSCoordinates.altitude(
                xmpPacket?.gpsAltitude.flatMap { ExifField.rational(Substring($0)) },
                reference: xmpPacket?.gpsAltitudeReference)

        metadata.title = xmpPacket?.title ?? iptcRecord?.title
        metadata.description = xmpPacket?.description ?? iptcRecord?.description
        let keywords = xmpPacket.map(\.keywords).flatMap { $0.isEmpty ? nil : $0 } ?? iptcRecord?.keywords ?? []
        metadata.keywords = Self.splitKeywords(keywords)

        let (capture, source) = captureTime(exif: exif, xmp: xmpPacket, fileName: fileName)
        if let capture {
            metadata.takenAt = capture.instant(fallbackZone: timeZone)
            metadata.takenAtLocal = capture.local
            metadata.takenAtSource = source
            return (metadata, capture.offset)
        }
        metadata.takenAt = modifiedAt
        metadata.takenAtLocal = modifiedAt.addingTimeInterval(TimeInterval(timeZone.secondsFromGMT(for: modifiedAt)))
        metadata.takenAtSource = .file
        return (metadata, nil)
    }

    private func captureTime(
        exif: [String: ExifField], xmp: XMPPacket?, fileName: String
    ) -> (CaptureTime?, DateSource) {
        let pairs = [
            ("DateTimeOriginal", "SubSecTimeOriginal", "OffsetTimeOriginal"),
            ("DateTimeDigitized", "SubSecTimeDigitized", "OffsetTimeDigitized"),
        ]
        for (date, subseconds, offset) in pairs {
            if let text = exif[date]?.string,
                let time = CaptureDateParser.exif(
                    text, subseconds: exif[subseconds]?.string, offset: exif[offset]?.string)
            {
                return (time, .meta)
            }
        }
        if let text = xmp?.dateTaken, let time = CaptureDateParser.xmp(text) ?? CaptureDateParser.exif(text) {
            return (time, .meta)
        }
        if let time = FileNameDate.parse(fileName) { return (time, .name) }
        return (nil, .unknown)
    }

    /// libvips fields `exif-ifdN-Tag` by tag name; the main image's IFDs win over the thumbnail's (ifd1).
    static func exifByTag(_ fields: [String: String]) -> [String: ExifField] {
        var byTag: [String: ExifField] = [:]
        for ifd in ["0", "2", "3", "4", "1"] {
            let prefix = "exif-ifd\(ifd)-"
            for (name, value) in fields where name.hasPrefix(prefix) {
                let tag = String(name.dropFirst(prefix.count))
                if byTag[tag] == nil { byTag[tag] = ExifField(parsing: value) }
            }
        }
        return byTag
    }

    /// An exposure time as photographers write it: `1/250`, `0.3`, `2`, `30`.
    static func exposure(_ field: ExifField) -> String? {
        if let (numerator, denominator) = field.fractions.first {
            guard numerator > 0, denominator > 0 else { return nil }
            let value = Double(numerator) / Double(denominator)
            if value < 1 {
                let reciprocal = Double(denominator) / Double(numerator)
                if abs(reciprocal - reciprocal.rounded()) <= 0.01 * reciprocal {
                    return "1/\(Int(reciprocal.rounded()))"
                }
            }
            return decimal(value)
        }
        return field.number.flatMap { $0 > 0 && $0.isFinite ? decimal($0) : nil }
    }

    /// Up to three decimals, without trailing zeros.
    static func decimal(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Keywords split at commas, trimmed, without empties or repeats, in order.
    static func splitKeywords(_ keywords: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for keyword in keywords {
            for part in keyword.split(separator: ",") {
                let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty, seen.insert(trimmed).inserted { result.append(trimmed) }
            }
        }
        return result
    }

    private static func positive(_ value: Double?) -> Double? {
        guard let value, value.isFinite, value > 0, value < 100_000 else { return nil }
        return value
    }
}
