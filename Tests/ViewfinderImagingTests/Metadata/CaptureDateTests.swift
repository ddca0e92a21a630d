import Foundation
import Testing
import ViewfinderImaging

@Suite("Capture dates: EXIF, XMP and file names")
struct CaptureDateTests {
    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? formatter.date(from: text.replacingOccurrences(of: "Z", with: ".000Z"))!
    }

    @Test("EXIF date with offset and sub-seconds")
    func exifWithOffset() throws {
        let time = try #require(CaptureDateParser.exif("2021:06:01 12:34:56", subseconds: "120", offset: "-03:30"))
        #expect(sameMillisecond(time.local, Self.utc("2021-06-01T12:34:56.120Z")))
        #expect(time.offset == -12_600)
        #expect(sameMillisecond(time.instant(fallbackZone: TimeZone(secondsFromGMT: 0)!), Self.utc("2021-06-01T16:04:56.120Z")))
    }

    @Test("EXIF date without offset is read in the fallback zone, also across daylight saving")
    func exifWithoutOffset() throws {
        let time = try #require(CaptureDateParser.exif("2022:03:27 01:30:00"))
        #expect(time.offset == nil)
        #expect(time.instant(fallbackZone: TimeZone(secondsFromGMT: 9 * 3600)!) == Self.utc("2022-03-26T16:30:00Z"))
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let summer = try #require(CaptureDateParser.exif("2022:07:01 12:00:00"))
        #expect(summer.instant(fallbackZone: berlin) == Self.utc("2022-07-01T10:00:00Z"))
    }

    @Test("placeholders and impossible EXIF dates are refused", arguments: [
        "0000:00:00 00:00:00", "    :  :     :  :  ", "2021:02:30 10:00:00", "2021:13:01 10:00:00",
        "2021:06:01 24:00:00", "2021:06:01", "garbage", "", "1700:01:01 00:00:00",
    ])
    func refused(_ text: String) {
        #expect(CaptureDateParser.exif(text) == nil)
    }

    @Test("offsets")
    func offsets() {
        #expect(CaptureDateParser.offset("+05:45") == 20_700)
        #expect(CaptureDateParser.offset("-0330") == -12_600)
        #expect(CaptureDateParser.offset("+09") == 32_400)
        #expect(CaptureDateParser.offset("Z") == 0)
        #expect(CaptureDateParser.offset("+15:00") == nil)
        #expect(CaptureDateParser.offset("05:00") == nil)
        #expect(CaptureDateParser.offset("+05:4") == nil)
    }

    @Test("XMP dates")
    func xmp() throws {
        let full = try #require(CaptureDateParser.xmp("1987-05-06T07:08:09-07:00"))
        #expect(full.local == Self.utc("1987-05-06T07:08:09Z"))
        #expect(full.offset == -25_200)
        let fraction = try #require(CaptureDateParser.xmp("2020-12-24T18:30:15.5Z"))
        #expect(sameMillisecond(fraction.local, Self.utc("2020-12-24T18:30:15.500Z")))
        #expect(fraction.offset == 0)
        #expect(CaptureDateParser.xmp("2020-12")?.local == Self.utc("2020-12-01T00:00:00Z"))
        #expect(CaptureDateParser.xmp("2020-12-24T18") == nil)
        #expect(CaptureDateParser.xmp("2020-12-24T18:30junk") == nil)
    }

    @Test("file names", arguments: [
        ("IMG_20210601_120000.jpg", "2021-06-01T12:00:00Z"),
        ("PXL_20210601_120000123.jpg", "2021-06-01T12:00:00Z"),
        ("20210601_120000.jpg", "2021-06-01T12:00:00Z"),
        ("2021-06-01 12.00.00.jpg", "2021-06-01T12:00:00Z"),
        ("Screenshot_2021-06-01-13-14-15.png", "2021-06-01T13:14:15Z"),
        ("IMG-20210601-WA0001.jpg", "2021-06-01T12:00:00Z"),
        ("WhatsApp Image 2021-06-01 at 21.05.12.jpeg", "2021-06-01T21:05:12Z"),
        ("WhatsApp Image 2021-06-01 at 09.05.12 PM.jpeg", "2021-06-01T21:05:12Z"),
        ("signal-2021-06-01-120000.jpg", "2021-06-01T12:00:00Z"),
        ("holiday 2019-08-15.jpg", "2019-08-15T12:00:00Z"),
        ("20210601120000.jpg", "2021-06-01T12:00:00Z"),
    ])
    func fileNames(_ name: String, _ expected: String) throws {
        let time = try #require(FileNameDate.parse(name), "\(name)")
        #expect(time.local == Self.utc(expected), "\(name)")
        #expect(time.offset == nil)
    }

    @Test("names without a plausible date", arguments: [
        "DSC01234.jpg", "IMG_1234.JPG", "photo.jpg", "123456789012.jpg", "IMG_20211341_120000.jpg", "2021060112.jpg", "",
    ])
    func noDate(_ name: String) {
        #expect(FileNameDate.parse(name) == nil, "\(name)")
    }
}

/// Whether two times agree to the millisecond (EXIF and XMP carry no finer times that matter).
func sameMillisecond(_ a: Date?, _ b: Date?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a.timeIntervalSince(b)) < 0.0005
}
