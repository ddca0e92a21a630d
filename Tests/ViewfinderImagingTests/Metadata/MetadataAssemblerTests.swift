import Foundation
import Testing
import ViewfinderCore
import ViewfinderImaging

@Suite("MetadataAssembler")
struct MetadataAssemblerTests {
    let assembler = MetadataAssembler(timeZone: TimeZone(secondsFromGMT: 3_600)!)
    let mtime = Date(timeIntervalSince1970: 1_580_638_830)  // 2020-02-02T10:20:30Z

    static func field(_ raw: String, _ format: String, text: String? = nil, components: Int = 1) -> String {
        "\(raw) (\(text ?? raw), \(format), \(components) components, 8 bytes)"
    }

    @Test("EXIF fields become typed values")
    func exif() throws {
        let result = assembler.assemble(
            exif: [
                "exif-ifd0-Make": Self.field("Canon", "ASCII"), "exif-ifd0-Model": Self.field("Canon EOS 70D", "ASCII"),
                "exif-ifd2-LensModel": Self.field("EF 50mm", "ASCII"), "exif-ifd2-ISOSpeedRatings": Self.field("400", "Short"),
                "exif-ifd2-FNumber": Self.field("14/5", "Rational", text: "f/2.8"),
                "exif-ifd2-ExposureTime": Self.field("10/2500", "Rational", text: "1/250 sec."),
                "exif-ifd2-FocalLength": Self.field("35/1", "Rational", text: "35.0 mm"),
                "exif-ifd2-DateTimeOriginal": Self.field("2021:06:01 12:34:56", "ASCII"),
                "exif-ifd2-OffsetTimeOriginal": Self.field("-03:30", "ASCII"),
                "exif-ifd3-GPSLatitude": Self.field("34/1 36/1 16749/1250", "Rational", text: "34, 36, 13.3992", components: 3),
                "exif-ifd3-GPSLatitudeRef": Self.field("S", "ASCII"),
                "exif-ifd3-GPSLongitude": Self.field("58/1 22/1 33582/625", "Rational", text: "58, 22, 53.731", components: 3),
                "exif-ifd3-GPSLongitudeRef": Self.field("W", "ASCII"),
                "exif-ifd3-GPSAltitude": Self.field("25/2", "Rational", text: "12.5"),
                "exif-ifd3-GPSAltitudeRef": Self.field("Sea level reference", "Byte"),
                "exif-ifd1-Make": Self.field("Thumbnail maker", "ASCII"),
            ],
            xmp: nil, iptc: nil, fileName: "IMG_20000101_000000.jpg", modifiedAt: mtime)
        let metadata = result.metadata
        #expect(metadata.cameraMake == "Canon")
        #expect(metadata.cameraModel == "Canon EOS 70D")
        #expect(metadata.lens == "EF 50mm")
        #expect(metadata.iso == 400)
        #expect(metadata.fNumber == 2.8)
        #expect(metadata.exposure == "1/250")
        #expect(metadata.focalLength == 35)
        #expect(metadata.latitude == -34.603722)
        #expect(metadata.longitude == -58.381592)
        #expect(metadata.altitude == -12.5)
        #expect(metadata.takenAtSource == .meta)
        #expect(result.timeZoneOffset == -12_600)
        #expect(metadata.takenAt == CaptureDateTests.utc("2021-06-01T16:04:56Z"))
        #expect(metadata.takenAtLocal == CaptureDateTests.utc("2021-06-01T12:34:56Z"))
        try metadata.validate()
    }

    @Test("one coordinate alone is no position")
    func halfPosition() {
        let metadata = assembler.assemble(
            exif: ["exif-ifd3-GPSLatitude": Self.field("10/1 0/1 0/1", "Rational", components: 3)],
            xmp: nil, iptc: nil, fileName: "x.jpg", modifiedAt: mtime
        ).metadata
        #expect(metadata.latitude == nil && metadata.longitude == nil)
    }

    @Test("XMP wins over IPTC; keywords are split at commas and de-duplicated")
    func textPrecedence() throws {
        let xmp = """
            <rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'>
            <dc:title><rdf:Alt><rdf:li xml:lang='x-default'>XMP title</rdf:li></rdf:Alt></dc:title>
            <dc:subject><rdf:Bag><rdf:li>Paris, France</rdf:li><rdf:li>France</rdf:li></rdf:Bag></dc:subject>
            </rdf:Description></rdf:RDF>
            """
        let iptc = IPTCRecordTests.dataset(2, 5, Array("IPTC title".utf8)) + IPTCRecordTests.dataset(2, 120, Array("IPTC caption".utf8))
        let metadata = assembler.assemble(
            exif: [:], xmp: Array(xmp.utf8), iptc: iptc, fileName: "x.jpg", modifiedAt: mtime
        ).metadata
        #expect(metadata.title == "XMP title")
        #expect(metadata.description == "IPTC caption")
        #expect(metadata.keywords == ["Paris", "France"])
        try metadata.validate()
    }

    @Test("date fallbacks: file name, then modification time")
    func fallbacks() {
        let named = assembler.assemble(exif: [:], xmp: nil, iptc: nil, fileName: "PXL_20210601_120000123.jpg", modifiedAt: mtime)
        #expect(named.metadata.takenAtSource == .name)
        #expect(named.metadata.takenAtLocal == CaptureDateTests.utc("2021-06-01T12:00:00Z"))
        #expect(named.metadata.takenAt == CaptureDateTests.utc("2021-06-01T11:00:00Z"))
        #expect(named.timeZoneOffset == nil)

        let file = assembler.assemble(
            exif: ["exif-ifd2-DateTimeOriginal": Self.field("0000:00:00 00:00:00", "ASCII")],
            xmp: nil, iptc: nil, fileName: "photo.jpg", modifiedAt: mtime)
        #expect(file.metadata.takenAtSource == .file)
        #expect(file.metadata.takenAt == mtime)
        #expect(file.metadata.takenAtLocal == mtime.addingTimeInterval(3_600))
    }

    @Test("exposure times as photographers write them", arguments: [
        ("1/250", "1/250"), ("10/2500", "1/250"), ("1/3", "1/3"), ("3/10", "0.3"), ("5/2", "2.5"), ("30/1", "30"),
        ("0/1", nil), ("1/0", nil),
    ] as [(String, String?)])
    func exposure(_ raw: String, _ expected: String?) {
        let metadata = assembler.assemble(
            exif: ["exif-ifd2-ExposureTime": Self.field(raw, "Rational", text: "x")],
            xmp: nil, iptc: nil, fileName: "x.jpg", modifiedAt: mtime
        ).metadata
        #expect(metadata.exposure == expected)
    }
}
