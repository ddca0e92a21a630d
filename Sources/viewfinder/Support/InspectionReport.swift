import Foundation
import ViewfinderCore
import ViewfinderServices

/// The printable form of a ``FileInspection``: JSON fields, or aligned lines for people.
struct InspectionReport: Encodable {
    struct Error: Encodable {
        let step: String
        let message: String
    }

    let file: String
    let format: String?
    let mimeType: String?
    let fileSize: Int64?
    let modifiedAt: String?
    let sha256: String?
    let width: Int?
    let height: Int?
    let megapixels: Double?
    let orientation: Int?
    let takenAt: String?
    let takenAtLocal: String?
    let timeZoneOffset: String?
    let takenAtSource: String?
    let cameraMake: String?
    let cameraModel: String?
    let lens: String?
    let iso: Int?
    let fNumber: Double?
    let exposureTime: String?
    let focalLength: Double?
    let latitude: Double?
    let longitude: Double?
    let altitude: Double?
    let title: String?
    let description: String?
    let keywords: [String]
    let decodes: Bool
    let errors: [Error]

    init(_ inspection: FileInspection) {
        let details = inspection.details
        let metadata = details?.metadata
        file = inspection.file.path
        format = inspection.contentType?.name
        mimeType = inspection.contentType?.mimeType
        fileSize = inspection.state?.size ?? details?.fileSize
        modifiedAt = (inspection.state?.modifiedAt ?? details?.modifiedAt).map(Self.utc)
        sha256 = inspection.contentHash
        width = details?.width
        height = details?.height
        megapixels = details.map { ($0.megapixels * 100).rounded() / 100 }
        orientation = details?.orientation
        takenAt = metadata?.takenAt.map(Self.utc)
        takenAtLocal = metadata?.takenAtLocal.map(Self.wallClock)
        timeZoneOffset = details?.timeZoneOffset.map(Self.offset)
        takenAtSource = metadata?.takenAtSource.rawValue
        cameraMake = metadata?.cameraMake
        cameraModel = metadata?.cameraModel
        lens = metadata?.lens
        iso = metadata?.iso
        fNumber = metadata?.fNumber
        exposureTime = metadata?.exposure
        focalLength = metadata?.focalLength
        latitude = metadata?.latitude
        longitude = metadata?.longitude
        altitude = metadata?.altitude
        title = metadata?.title
        description = metadata?.description
        keywords = metadata?.keywords ?? []
        decodes = inspection.decodes
        errors = inspection.problems.map { Error(step: $0.step, message: $0.message) }
    }

    /// Aligned `label: value` lines; unknown values are left out.
    var text: String {
        var lines: [(String, String)] = [("file", file)]
        if let format, let mimeType { lines.append(("format", "\(format) (\(mimeType), from the content)")) }
        if let fileSize { lines.append(("size", "\(fileSize) bytes")) }
        if let sha256 { lines.append(("sha-256", sha256)) }
        if let width, let height, let megapixels {
            lines.append(("dimensions", "\(width) × \(height) pixels upright, \(String(format: "%.2f", megapixels)) MP"))
        }
        if let orientation { lines.append(("orientation", "\(orientation)")) }
        if let takenAtLocal, let takenAt, let takenAtSource {
            let zone = timeZoneOffset.map { "UTC\($0)" } ?? "local time zone assumed"
            let source = ["meta": "embedded metadata", "name": "file name", "file": "modification time"][takenAtSource]
                ?? takenAtSource
            lines.append(("taken", "\(takenAtLocal) (\(zone)) = \(takenAt), from the \(source)"))
        }
        if let modifiedAt { lines.append(("modified", modifiedAt)) }
        let camera = [cameraMake, cameraModel].compactMap { $0 }.joined(separator: " ")
        if !camera.isEmpty { lines.append(("camera", camera)) }
        if let lens { lines.append(("lens", lens)) }
        let exposure = [
            exposureTime.map { "\($0) s" }, fNumber.map { "f/\(Self.number($0))" }, iso.map { "ISO \($0)" },
            focalLength.map { "\(Self.number($0)) mm" },
        ].compactMap { $0 }
        if !exposure.isEmpty { lines.append(("exposure", exposure.joined(separator: ", "))) }
        if let latitude, let longitude {
            let height = altitude.map { ", \(Self.number($0)) m" } ?? ""
            lines.append(("location", "\(latitude), \(longitude)\(height)"))
        } else if let altitude {
            lines.append(("altitude", "\(Self.number(altitude)) m"))
        }
        if let title { lines.append(("title", title)) }
        if let description { lines.append(("description", description)) }
        if !keywords.isEmpty { lines.append(("keywords", keywords.joined(separator: ", "))) }
        lines.append(("decodes", decodes ? "yes" : "no"))
        for error in errors { lines.append(("error", "\(error.step): \(error.message)")) }
        let width = (lines.map(\.0.count).max() ?? 0) + 1
        return lines.map { ($0.0 + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0) + $0.1 }
            .joined(separator: "\n")
    }

    static func utc(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// A wall-clock time (stored as if UTC) without a zone: `2021-06-01T12:34:56.120`.
    static func wallClock(_ date: Date) -> String {
        String(utc(date).dropLast())
    }

    /// `+05:45` from seconds east of UTC.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return String(format: "%@%02d:%02d", sign, minutes / 60, minutes % 60)
    }

    /// A number without a pointless ".0".
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
