// The metadata value parsers on arbitrary input: libvips EXIF strings (rationals, GPS, dates), XMP packets, IPTC
// records and file-name dates, each directly and together through MetadataAssembler. The input is split at 0xFF
// bytes into the fields below, in order.
import Foundation
import FuzzSupport
import ViewfinderImaging

let exifTags = [
    "exif-ifd0-Make", "exif-ifd0-Model", "exif-ifd2-DateTimeOriginal", "exif-ifd2-SubSecTimeOriginal",
    "exif-ifd2-OffsetTimeOriginal", "exif-ifd0-DateTime", "exif-ifd3-GPSLatitude", "exif-ifd3-GPSLatitudeRef",
    "exif-ifd3-GPSLongitude", "exif-ifd3-GPSLongitudeRef", "exif-ifd3-GPSAltitude", "exif-ifd3-GPSAltitudeRef",
    "exif-ifd2-ExposureTime", "exif-ifd2-FNumber", "exif-ifd2-FocalLength", "exif-ifd2-ISOSpeedRatings",
    "exif-ifd2-PhotographicSensitivity", "exif-ifd2-LensModel",
]
let assembler = MetadataAssembler(timeZone: TimeZone(identifier: "Europe/Berlin") ?? .gmt)

runFuzzer { data, size in
    let bytes = fuzzBytes(data, size)
    let parts = bytes.split(separator: 0xFF, omittingEmptySubsequences: false)
    let strings = parts.map { String(decoding: $0, as: UTF8.self) }

    for string in strings.prefix(4) {
        let field = ExifField(parsing: string)
        _ = (field.string, field.integers, field.rationals, field.fractions, field.number)
        _ = CaptureDateParser.exif(string, subseconds: strings.last, offset: strings.first)
        _ = CaptureDateParser.xmp(string)
        _ = CaptureDateParser.offset(string)
        _ = GPSCoordinates.degrees(xmp: string, limit: 90)
        _ = FileNameDate.parse(string)
    }
    _ = XMPPacket(parsing: bytes)
    _ = IPTCRecord(parsing: bytes)
    _ = ContentTypeSniffer.detect(bytes)

    var fields: [String: String] = [:]
    for (tag, value) in zip(exifTags, strings) { fields[tag] = value }
    let rest = parts.dropFirst(exifTags.count)
    _ = assembler.assemble(
        exif: fields, xmp: rest.first.map(Array.init), iptc: rest.dropFirst().first.map(Array.init),
        fileName: strings.last ?? "", modifiedAt: Date(timeIntervalSince1970: 0))
    return 0
}
