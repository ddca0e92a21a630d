import Foundation
import Testing
import ViewfinderCore

/// The reference meaning of the search filter conditions.
struct PhotoFilterMatchingTests {
    private func photo(
        _ path: String, taken: Date? = nil, camera: String? = nil, lens: String? = nil, iso: Int? = nil,
        at position: (Double, Double)? = nil, mime: String? = "image/jpeg", width: Int = 400, height: Int = 300
    ) -> Photo {
        Photo(
            id: 1, uid: "p1", libraryRoot: "/lib", relativePath: path, size: 1, modifiedAt: Date(timeIntervalSince1970: 0),
            contentHash: "h", width: width, height: height, status: .indexed, mimeType: mime,
            metadata: PhotoMetadata(
                takenAt: taken, cameraMake: camera, lens: lens, iso: iso, latitude: position?.0, longitude: position?.1))
    }

    private func day(_ y: Int, _ m: Int, _ d: Int) -> Date { UTCCalendar.date(year: y, month: m, day: d) ?? Date() }

    @Test func yearsMonthsAndDaysUseUTC() {
        let p = photo("a.jpg", taken: day(2021, 6, 15).addingTimeInterval(3600))
        #expect(PhotoFilter(years: [2020, 2021]).matches(p, albumIDs: []))
        #expect(!PhotoFilter(years: [2020]).matches(p, albumIDs: []))
        #expect(PhotoFilter(months: [6], days: [15]).matches(p, albumIDs: []))
        #expect(!PhotoFilter(days: [14]).matches(p, albumIDs: []))
        #expect(!PhotoFilter(years: [2021]).matches(photo("undated.jpg"), albumIDs: []))
    }

    @Test func foldersIncludeSubfoldersAndWildcards() {
        let p = photo("Trips/2021/Rome/a.jpg")
        #expect(PhotoFilter(folders: ["trips"]).matches(p, albumIDs: []))
        #expect(PhotoFilter(folders: ["/Trips/2021/"]).matches(p, albumIDs: []))
        #expect(PhotoFilter(folders: ["trips/*/rome"]).matches(p, albumIDs: []))
        #expect(!PhotoFilter(folders: ["trip"]).matches(p, albumIDs: []))
        #expect(!PhotoFilter(folders: ["rome"]).matches(p, albumIDs: []))
        #expect(PhotoFilter(names: ["A.JPG"]).matches(p, albumIDs: []))
        #expect(PhotoFilter(names: ["*.jpg"]).matches(p, albumIDs: []))
        #expect(!PhotoFilter(names: ["b*"]).matches(p, albumIDs: []))
        #expect(PhotoFilter(names: ["a.jpg"]).matches(photo("a.jpg"), albumIDs: []))
    }

    @Test func cameraAlternativesAndLens() {
        let p = photo("a.jpg", camera: "Canon", lens: "EF 50mm f/1.8", iso: 400)
        #expect(PhotoFilter(camera: "nikon|canon").matches(p, albumIDs: []))
        #expect(!PhotoFilter(camera: "nikon|sony").matches(p, albumIDs: []))
        #expect(PhotoFilter(lens: "50mm").matches(p, albumIDs: []))
        #expect(PhotoFilter(iso: 100...400).matches(p, albumIDs: []))
        #expect(!PhotoFilter(iso: 500...800).matches(p, albumIDs: []))
    }

    @Test func distanceAroundAPoint() {
        // Vienna to Bratislava is about 55 km.
        let p = photo("a.jpg", at: (48.1486, 17.1077))
        #expect(PhotoFilter(near: GeoCircle(latitude: 48.2082, longitude: 16.3738, radiusKilometres: 60)).matches(p, albumIDs: []))
        #expect(!PhotoFilter(near: GeoCircle(latitude: 48.2082, longitude: 16.3738, radiusKilometres: 50)).matches(p, albumIDs: []))
        #expect(!PhotoFilter(near: GeoCircle(latitude: 0, longitude: 0, radiusKilometres: 50)).matches(photo("x.jpg"), albumIDs: []))
    }

    @Test func mediaShapeAndMegapixels() {
        let p = photo("a.png", mime: "image/png", width: 4000, height: 3000)
        #expect(PhotoFilter(mediaTypes: ["image/"]).matches(p, albumIDs: []))
        #expect(PhotoFilter(mediaTypes: ["image/jpeg", "image/png"]).matches(p, albumIDs: []))
        #expect(!PhotoFilter(mediaTypes: ["video/"]).matches(p, albumIDs: []))
        #expect(PhotoFilter(shape: .landscape, minimumMegapixels: 12).matches(p, albumIDs: []))
        #expect(!PhotoFilter(shape: .portrait).matches(p, albumIDs: []))
        #expect(!PhotoFilter(minimumMegapixels: 12.1).matches(p, albumIDs: []))
    }

    @Test func textPatternsKeepLiteralsAndExpandGlobs() {
        #expect(TextPattern.literal("100%_x*").matches("100%_x*"))
        #expect(!TextPattern.literal("100*").matches("100ab"))
        #expect(TextPattern.glob("a*c").matches("a/b/c"))
        #expect(!TextPattern.glob("a*c").matches("a/b/cd"))
        #expect(TextPattern.substring("b/c").matches("a/b/c/d"))
    }
}

/// The automatic choice between exact and approximate vector search.
struct VectorSearchStrategySelectivityTests {
    @Test func selectiveFiltersScanExactlyAndBroadOnesUseTheIndex() {
        let limit = VectorSearchStrategy.selectiveCandidateLimit
        #expect(VectorSearchStrategy.automatic.resolved(matchingPhotos: 0) == .exact)
        #expect(VectorSearchStrategy.automatic.resolved(matchingPhotos: limit) == .exact)
        #expect(VectorSearchStrategy.automatic.resolved(matchingPhotos: limit + 1) == .approximate)
        #expect(VectorSearchStrategy.exact.resolved(matchingPhotos: limit + 1) == .exact)
        #expect(VectorSearchStrategy.approximate.resolved(matchingPhotos: 3) == .approximate)
    }
}
