import Foundation
import Testing
import ViewfinderCore
import ViewfinderSQL

/// The one filter translator: SQL text and bound values per dialect, for each filter field (no database).
struct PhotoFilterSQLTests {
    static let indexed = "photos.index_status = 'indexed'"

    /// The condition `filter` adds after the indexed-status rule and the archived default, rendered in `dialect`.
    static func added(_ filter: PhotoFilter, _ dialect: some SQLDialect) -> (sql: String, values: [SQLValue]) {
        let conditions = PhotoFilterSQL(dialect).conditions(filter)
        let fragment = SQLFragment.joined(Array(conditions.dropFirst()), separator: " AND ")
        return (fragment.sql(dialect), fragment.values)
    }

    @Test func everythingIsOnlyTheIndexedRule() {
        for dialect: any SQLDialect in [SQLiteDialect(), PostgresDialect(), MariaDBDialect()] {
            let condition = PhotoFilterSQL(dialect).condition(.everything)
            #expect(condition.sql(dialect) == Self.indexed)
            #expect(condition.values.isEmpty)
        }
        let hidden = PhotoFilterSQL(.sqlite).condition(PhotoFilter())
        #expect(hidden.sql(.sqlite) == Self.indexed + " AND photos.archived = ?")
        #expect(hidden.values == [.bool(false)])
    }

    @Test func datesAreEpochSecondsInSQLiteAndTimesElsewhere() {
        let after = Date(timeIntervalSince1970: 1_600_000_000)
        let before = Date(timeIntervalSince1970: 1_700_000_000)
        let filter = PhotoFilter(takenAfter: after, takenBefore: before, archived: nil)
        let sqlite = Self.added(filter, .sqlite)
        #expect(sqlite.sql == "photos.taken_at >= ? AND photos.taken_at < ?")
        #expect(sqlite.values == [.double(1_600_000_000), .double(1_700_000_000)])
        let postgres = Self.added(filter, .postgres)
        #expect(postgres.sql == "photos.taken_at >= $1 AND photos.taken_at < $2")
        #expect(postgres.values == [.date(after), .date(before)])
        #expect(Self.added(filter, .mariaDB).values == [.date(after), .date(before)])
    }

    @Test func yearsBecomeHalfOpenRanges() {
        let filter = PhotoFilter(archived: nil, years: [2020, 2021])
        let postgres = Self.added(filter, .postgres)
        #expect(postgres.sql == "((photos.taken_at >= $1 AND photos.taken_at < $2) OR (photos.taken_at >= $3 AND photos.taken_at < $4))")
        // 2020-01-01, 2021-01-01 and 2022-01-01 at 00:00 UTC.
        let starts = [1_577_836_800.0, 1_609_459_200, 1_640_995_200].map(Date.init(timeIntervalSince1970:))
        #expect(postgres.values == [.date(starts[0]), .date(starts[1]), .date(starts[1]), .date(starts[2])])
    }

    @Test func calendarPartsPerDialect() {
        let filter = PhotoFilter(archived: nil, months: [7, 8], days: [1])
        #expect(Self.added(filter, .sqlite).sql == "CAST(strftime('%m', photos.taken_at, 'unixepoch') AS INTEGER) IN (?, ?) "
            + "AND CAST(strftime('%d', photos.taken_at, 'unixepoch') AS INTEGER) IN (?)")
        #expect(Self.added(filter, .postgres).sql == "EXTRACT(MONTH FROM photos.taken_at AT TIME ZONE 'UTC')::int IN ($1, $2) "
            + "AND EXTRACT(DAY FROM photos.taken_at AT TIME ZONE 'UTC')::int IN ($3)")
        #expect(Self.added(filter, .mariaDB).sql == "MONTH(photos.taken_at) IN (?, ?) AND DAYOFMONTH(photos.taken_at) IN (?)")
        #expect(Self.added(filter, .mariaDB).values == [.integer(7), .integer(8), .integer(1)])
    }

    @Test func cameraAlternativesAreEscapedSubstringsOfMakeOrModel() {
        let filter = PhotoFilter(camera: "Canon | 100%_x", archived: nil)
        let sqlite = Self.added(filter, .sqlite)
        #expect(sqlite.sql == "(lower(coalesce(photos.camera_make, '')) LIKE ? ESCAPE '\\' OR "
            + "lower(coalesce(photos.camera_model, '')) LIKE ? ESCAPE '\\' OR "
            + "lower(coalesce(photos.camera_make, '')) LIKE ? ESCAPE '\\' OR "
            + "lower(coalesce(photos.camera_model, '')) LIKE ? ESCAPE '\\')")
        #expect(sqlite.values == [.text("%canon%"), .text("%canon%"), .text("%100\\%\\_x%"), .text("%100\\%\\_x%")])
        let postgres = Self.added(filter, .postgres)
        #expect(postgres.sql == "(lower(coalesce(photos.camera_make, '')) LIKE $1 OR lower(coalesce(photos.camera_model, '')) LIKE $2 OR "
            + "lower(coalesce(photos.camera_make, '')) LIKE $3 OR lower(coalesce(photos.camera_model, '')) LIKE $4)")
        #expect(Self.added(PhotoFilter(archived: nil, lens: "EF"), .mariaDB).sql == "(lower(coalesce(photos.lens, '')) LIKE ?)")
        #expect(Self.added(PhotoFilter(archived: nil, lens: "EF"), .mariaDB).values == [.text("%ef%")])
    }

    @Test func foldersNamesAndMediaTypesArePathAndTypePatterns() {
        let folders = Self.added(PhotoFilter(archived: nil, folders: ["/Trips/2024*/"]), .mariaDB)
        #expect(folders.sql == "(lower(coalesce(photos.path, '')) LIKE ?)")
        #expect(folders.values == [.text("trips/2024%/%")])
        let names = Self.added(PhotoFilter(archived: nil, names: ["IMG_*.JPG"]), .sqlite)
        #expect(names.values == [.text("img\\_%.jpg"), .text("%/img\\_%.jpg")])
        let media = Self.added(PhotoFilter(archived: nil, mediaTypes: ["image/", "video/mp4"]), .postgres)
        #expect(media.sql == "(lower(coalesce(photos.mime_type, '')) LIKE $1 OR lower(coalesce(photos.mime_type, '')) LIKE $2)")
        #expect(media.values == [.text("image/%"), .text("video/mp4")])
    }

    @Test func exposureRangesAreBetween() {
        let filter = PhotoFilter(archived: nil, iso: 100...400, fNumber: 1.4...2.8, focalLength: 24...70)
        let postgres = Self.added(filter, .postgres)
        #expect(postgres.sql == "photos.iso BETWEEN $1 AND $2 AND photos.f_number BETWEEN $3 AND $4 "
            + "AND photos.focal_length BETWEEN $5 AND $6")
        #expect(postgres.values == [.integer(100), .integer(400), .double(1.4), .double(2.8), .double(24), .double(70)])
    }

    @Test func flagsAlbumAndLocation() {
        let filter = PhotoFilter(hasLocation: false, albumID: 7, favorite: true, archived: true)
        let sqlite = Self.added(filter, .sqlite)
        #expect(sqlite.sql == "(photos.latitude IS NULL OR photos.longitude IS NULL) AND "
            + "EXISTS (SELECT 1 FROM album_photos WHERE album_photos.photo_id = photos.id AND album_photos.album_id = ?) "
            + "AND photos.favorite = ? AND photos.archived = ?")
        #expect(sqlite.values == [.integer(7), .bool(true), .bool(true)])
    }

    @Test func boxesNearAndShape() {
        let across = GeoBox(north: 10, east: -170, south: -10, west: 170)
        let box = Self.added(PhotoFilter(boundingBox: across, archived: nil), .postgres)
        #expect(box.sql == "photos.latitude >= $1 AND photos.latitude <= $2 AND (photos.longitude >= $3 OR photos.longitude <= $4)")
        #expect(box.values == [.double(-10), .double(10), .double(170), .double(-170)])
        let circle = GeoCircle(latitude: 48, longitude: 16, radiusKilometres: 5)
        let near = Self.added(PhotoFilter(archived: nil, near: circle), .sqlite)
        #expect(near.sql == "photos.latitude BETWEEN ? AND ? AND photos.longitude BETWEEN ? AND ? AND "
            + "((photos.latitude - ?) * ?) * ((photos.latitude - ?) * ?) + ((photos.longitude - ?) * ?) * ((photos.longitude - ?) * ?) <= ?")
        let enclosing = circle.enclosingBox
        let (kLat, kLon) = (circle.kilometresPerDegreeLatitude, circle.kilometresPerDegreeLongitude)
        #expect(near.values == [
            .double(enclosing.south), .double(enclosing.north), .double(enclosing.west), .double(enclosing.east),
            .double(48), .double(kLat), .double(48), .double(kLat), .double(16), .double(kLon), .double(16), .double(kLon),
            .double(25),
        ])
        #expect(Self.added(PhotoFilter(archived: nil, shape: .portrait), .mariaDB).sql
            == "(photos.width > 0 AND photos.height > photos.width)")
        #expect(Self.added(PhotoFilter(archived: nil, shape: .square), .mariaDB).values.isEmpty)
    }

    @Test func megapixelsWidenTheProduct() {
        let filter = PhotoFilter(archived: nil, minimumMegapixels: 12)
        #expect(Self.added(filter, .sqlite).sql == "photos.width * photos.height >= ?")
        #expect(Self.added(filter, .postgres).sql == "photos.width::bigint * photos.height >= $1")
        #expect(Self.added(filter, .mariaDB).sql == "CAST(photos.width AS SIGNED) * photos.height >= ?")
        #expect(Self.added(filter, .mariaDB).values == [.double(12_000_000)])
    }

    @Test func keywordsUseEachFullTextSyntaxWithTermsBound() {
        let filter = PhotoFilter(archived: nil, keywords: "Beach, sunset!")
        let sqlite = Self.added(filter, .sqlite)
        #expect(sqlite.sql == "photos.id IN (SELECT rowid FROM photos_fts WHERE photos_fts MATCH ?)")
        #expect(sqlite.values == [.text("\"beach\" \"sunset\"")])
        let postgres = Self.added(filter, .postgres)
        #expect(postgres.sql == "photos.search_text @@ plainto_tsquery('simple', $1)")
        #expect(postgres.values == [.text("beach sunset")])
        let mariaDB = Self.added(filter, .mariaDB)
        #expect(mariaDB.sql == "MATCH (photos.title, photos.description, photos.keywords) AGAINST (? IN BOOLEAN MODE)")
        #expect(mariaDB.values == [.text("+beach +sunset")])
    }
}
