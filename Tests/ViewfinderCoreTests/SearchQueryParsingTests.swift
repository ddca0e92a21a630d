import Foundation
import Testing
import ViewfinderCore

/// The PhotoPrism-style query syntax and its validation.
struct SearchQueryParsingTests {
    private func parse(_ items: [(String, String)]) throws -> SearchQuery {
        try SearchQuery.parse(items.map { (name: $0.0, value: $0.1) })
    }

    private func message(_ items: [(String, String)]) -> String? {
        do {
            _ = try parse(items)
            return nil
        } catch let error as ViewfinderError {
            #expect(error.code == .invalidInput)
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func qSplitsFiltersFromFreeText() throws {
        let query = try parse([("q", "year:2021 camera:canon beach at dusk")])
        #expect(query.filter.years == [2021])
        #expect(query.filter.camera == "canon")
        #expect(query.text == "beach at dusk")
    }

    @Test func quotedValuesAndPhrasesKeepTheirSpaces() throws {
        let query = try parse([("q", #"camera:"canon eos" "red car" lens:"EF 50mm""#)])
        #expect(query.filter.camera == "canon eos")
        #expect(query.filter.lens == "EF 50mm")
        #expect(query.text == "red car")
    }

    @Test func alternativesWithPipe() throws {
        let query = try parse([("q", "year:2020|2021 month:6|7"), ("type", "jpg|png"), ("path", "2021/*|trips")])
        #expect(query.filter.years == [2020, 2021])
        #expect(query.filter.months == [6, 7])
        #expect(query.filter.mediaTypes == ["image/jpeg", "image/png"])
        #expect(query.filter.folders == ["2021/*", "trips"])
    }

    @Test func everyNamedFieldParses() throws {
        let query = try parse([
            ("name", "IMG_*"), ("day", "3"), ("before", "2022-01-01"), ("after", "2021-01-01T00:00:00Z"),
            ("iso", "100-800"), ("f", "2.8"), ("mm", "24-70"), ("lat", "48.2"), ("lng", "16.4"), ("dist", "5"),
            ("latlng", "49,17,48,16"), ("geo", "true"), ("favorite", "yes"), ("archived", "false"), ("album", "Trip"),
            ("portrait", "true"), ("mp", "12"), ("keywords", "sunset"), ("clip", "a dog"), ("clip_weight", "0.5"),
            ("min_score", "0.2"), ("order", "newest"), ("count", "10"), ("offset", "20"),
        ])
        #expect(query.filter.names == ["IMG_*"])
        #expect(query.filter.days == [3])
        #expect(query.filter.iso == 100...800)
        #expect(query.filter.fNumber == 2.8...2.8)
        #expect(query.filter.focalLength == 24...70)
        #expect(query.filter.near == GeoCircle(latitude: 48.2, longitude: 16.4, radiusKilometres: 5))
        #expect(query.filter.boundingBox == GeoBox(north: 49, east: 17, south: 48, west: 16))
        #expect(query.filter.hasLocation == true && query.filter.favorite == true && query.filter.archived == false)
        #expect(query.album == "Trip" && query.filter.shape == .portrait && query.filter.minimumMegapixels == 12)
        #expect(query.filter.keywords == "sunset" && query.clip == "a dog" && query.clipWeight == 0.5)
        #expect(query.minScore == 0.2 && query.order == .newest && query.count == 10 && query.offset == 20)
        #expect(query.filter.takenBefore == UTCCalendar.date(year: 2022, month: 1, day: 1))
        #expect(query.filter.takenAfter == UTCCalendar.date(year: 2021, month: 1, day: 1))
    }

    @Test func defaultsListNewestWithoutArchived() throws {
        let query = try parse([])
        #expect(query == SearchQuery())
        #expect(query.filter.archived == false)
        #expect(query.count == SearchQuery.defaultCount)
    }

    @Test func invalidValuesNameTheField() {
        #expect(message([("clip_weight", "2")])?.contains("clip_weight") == true)
        #expect(message([("year", "abc")])?.contains("year") == true)
        #expect(message([("q", "year:abc")])?.contains("year") == true)
        #expect(message([("count", "5000")])?.contains("count") == true)
        #expect(message([("order", "random")])?.contains("order") == true)
        #expect(message([("q", String(repeating: "a", count: 100_000))])?.contains("q is longer") == true)
        #expect(message([("colour", "red")])?.contains("colour") == true)
        #expect(message([("q", "colour:red")])?.contains("colour") == true)
        #expect(message([("lat", "48")])?.contains("lng") == true)
        #expect(message([("latlng", "1,2,3")])?.contains("latlng") == true)
        #expect(message([("iso", "800-100")])?.contains("iso") == true)
        #expect(message([("before", "yesterday")])?.contains("before") == true)
        #expect(message([("q", #"camera:"canon"#)])?.contains("quote") == true)
        #expect(message([("year", "2020"), ("q", "year:2021")])?.contains("year") == true)
        #expect(message([("portrait", "true"), ("landscape", "true")])?.contains("portrait") == true)
        #expect(message([("after", "2022-01-01"), ("before", "2021-01-01")])?.contains("after") == true)
        #expect(message([("clip", "dog"), ("similar", "p1")])?.contains("similar") == true)
        #expect(message([("year", "")])?.contains("year") == true)
        #expect(message([("type", "image/jpeg;x")])?.contains("type") == true)
    }

    @Test func textThatIsNotAFieldStaysText() throws {
        let query = try parse([("q", "meeting 10:30 \"a:b\"")])
        #expect(query.text == "meeting 10:30 a:b")
    }
}
