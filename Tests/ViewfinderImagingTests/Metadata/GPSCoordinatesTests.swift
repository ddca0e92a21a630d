import Testing
import ViewfinderImaging

@Suite("GPSCoordinates")
struct GPSCoordinatesTests {
    @Test("degrees, minutes and seconds with references become signed decimal degrees")
    func dms() {
        #expect(GPSCoordinates.degrees([34, 36, 13.3992], reference: "S", limit: 90) == -34.603722)
        #expect(GPSCoordinates.degrees([58, 22, 53.7312], reference: "W", limit: 180) == -58.381592)
        #expect(GPSCoordinates.degrees([27, 59, 17.0016], reference: "N", limit: 90) == 27.988056)
        #expect(GPSCoordinates.degrees([0, 0, 5.562], reference: "W", limit: 180) == -0.001545)
    }

    @Test("fewer components: decimal degrees, or degrees and decimal minutes")
    func shortForms() {
        #expect(GPSCoordinates.degrees([12.5], reference: "E", limit: 180) == 12.5)
        #expect(GPSCoordinates.degrees([33, 52.128], reference: "S", limit: 90) == -33.8688)
    }

    @Test("broken values are refused")
    func broken() {
        #expect(GPSCoordinates.degrees([], reference: "N", limit: 90) == nil)
        #expect(GPSCoordinates.degrees([91, 0, 0], reference: "N", limit: 90) == nil)
        #expect(GPSCoordinates.degrees([10, 75, 0], reference: "N", limit: 90) == nil)
        #expect(GPSCoordinates.degrees([10, nil, 0], reference: "N", limit: 90) == nil)
        #expect(GPSCoordinates.degrees([10, 0, 0], reference: "Q", limit: 90) == nil)
        #expect(GPSCoordinates.degrees([-5, 0, 0], reference: "N", limit: 90) == nil)
        #expect(GPSCoordinates.degrees([.nan], reference: "N", limit: 90) == nil)
    }

    @Test("XMP's DDD,MM.mmk and DDD,MM,SSk forms")
    func xmp() {
        #expect(GPSCoordinates.degrees(xmp: "33,51.40704S", limit: 90) == -33.856784)
        #expect(GPSCoordinates.degrees(xmp: "151,12,55.0692E", limit: 180) == 151.215297)
        #expect(GPSCoordinates.degrees(xmp: "-12.25", limit: 90) == -12.25)
        #expect(GPSCoordinates.degrees(xmp: "N", limit: 90) == nil)
        #expect(GPSCoordinates.degrees(xmp: "", limit: 90) == nil)
    }

    @Test("altitude below sea level, by number or by libexif's text")
    func altitude() {
        #expect(GPSCoordinates.altitude(12.5, reference: "Sea level reference") == -12.5)
        #expect(GPSCoordinates.altitude(12.5, reference: "1") == -12.5)
        #expect(GPSCoordinates.altitude(8848.86, reference: "Sea level") == 8848.86)
        #expect(GPSCoordinates.altitude(8848.86, reference: nil) == 8848.86)
        #expect(GPSCoordinates.altitude(.infinity, reference: nil) == nil)
    }
}
