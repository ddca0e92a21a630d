extension SearchField {
    /// Every search field, in the order help and documentation list them. `q` is not a field: it is the syntax
    /// that carries free text and `key:value` terms for these.
    ///
    /// To add a field: one entry here (its kind decides parsing), the property of ``PhotoFilter`` or
    /// ``SearchQuery`` it is stored in, and its translation to SQL and in `PhotoFilter+Matching.swift`.
    public static let all: [SearchField] = [
        .patterns(
            "path", aliases: ["folder"], help: "The photo's folder is this one or lies below it; * matches any characters",
            example: "2021/*|trips"
        ) { $0.query.filter.folders = $1 },
        .patterns("name", help: "The file name matches this pattern; * matches any characters", example: "IMG_*") {
            $0.query.filter.names = $1
        },
        .integers("year", in: 1...9999, help: "Taken in this year (UTC)", example: "2020|2021") { $0.query.filter.years = $1 },
        .integers("month", in: 1...12, help: "Taken in this month (UTC)", example: "6|7") { $0.query.filter.months = $1 },
        .integers("day", in: 1...31, help: "Taken on this day of the month (UTC)", example: "24") { $0.query.filter.days = $1 },
        .date("before", help: "Taken before this day or instant (UTC)", example: "2022-01-01") {
            $0.query.filter.takenBefore = $1
        },
        .date("after", help: "Taken on or after this day or instant (UTC)", example: "2021-05-01T10:00:00Z") {
            $0.query.filter.takenAfter = $1
        },
        .substrings("camera", help: "Camera make or model contains this (case-insensitive)", example: "canon|nikon") {
            $0.query.filter.camera = $1.joined(separator: "|")
        },
        .substrings("lens", help: "Lens contains this (case-insensitive)", example: "50mm") {
            $0.query.filter.lens = $1.joined(separator: "|")
        },
        .integerRange("iso", in: 0...1_000_000, help: "ISO speed, or an inclusive range", example: "100-800") {
            $0.query.filter.iso = $1
        },
        .numberRange("f", in: 0...1000, help: "F-number, or an inclusive range", example: "1.4-2.8") {
            $0.query.filter.fNumber = $1
        },
        .numberRange("mm", in: 0...100_000, help: "Focal length in mm, or an inclusive range", example: "24-70") {
            $0.query.filter.focalLength = $1
        },
        .number("lat", in: -90...90, help: "Latitude of a point; give lng too (and dist)", example: "48.2") { $0.latitude = $1 },
        .number("lng", in: -180...180, help: "Longitude of the point", example: "16.37") { $0.longitude = $1 },
        .number(
            "dist", in: 0.001...20_000, help: "Within this many km of the point (default 2)", example: "5"
        ) { $0.distance = $1 },
        .box(
            "latlng", help: "Inside the box north,east,south,west in degrees (west > east crosses the antimeridian)",
            example: "48.3,16.6,48.1,16.2"
        ) { $0.query.filter.boundingBox = $1 },
        .bool("geo", help: "Has a location (true) or lacks one (false)") { $0.query.filter.hasLocation = $1 },
        .bool("favorite", help: "Is a favourite (true) or is not (false)") { $0.query.filter.favorite = $1 },
        .bool("archived", help: "Only archived photos (true) or none (false); archived photos are hidden by default") {
            $0.query.filter.archived = $1
        },
        .text("album", help: "Member of the album with this uid or title (case-insensitive)", example: "Holidays") {
            $0.query.album = $1
        },
        .mediaTypes("type", help: "A MIME type, a family (image, video) or a format (jpeg, png, heic)", example: "jpeg|png") {
            $0.query.filter.mediaTypes = $1
        },
        .bool("portrait", help: "Only portrait photos (false: no condition)") { if $1 { $0.shapes.append(.portrait) } },
        .bool("landscape", help: "Only landscape photos (false: no condition)") { if $1 { $0.shapes.append(.landscape) } },
        .bool("square", help: "Only square photos (false: no condition)") { if $1 { $0.shapes.append(.square) } },
        .number("mp", in: 0.000001...100_000, help: "At least this many megapixels", example: "12") {
            $0.query.filter.minimumMegapixels = $1
        },
        .keywords("keywords", help: "Every word occurs in the title, description or keywords", example: "sunset beach") {
            $0.query.filter.keywords = $1
        },
        .text("clip", role: .control, help: "Rank by similarity to this text (default: the free text)", example: "a red car") {
            $0.query.clip = $1
        },
        .number(
            "clip_weight", in: 0...1, role: .control, help: "Weight of similarity against keyword relevance (default 1)",
            example: "0.5"
        ) { $0.query.clipWeight = $1 },
        .uid("similar", role: .control, help: "Photos like the photo with this uid", example: "p8bxk3m2q9c1d7fa") {
            $0.query.similar = $1
        },
        .number(
            "min_score", in: -1...1, role: .control,
            help: "Omit results below this similarity (default: the model's value)", example: "0.25"
        ) { $0.query.minScore = $1 },
        .choice(
            "order", of: SearchOrder.self, role: .control,
            help: "Result order (default: relevance with a semantic query, newest otherwise)", example: "newest"
        ) { $0.query.order = $1 },
        .integer(
            "count", in: 1...SearchQuery.maximumCount, role: .control,
            help: "Results per page (default \(SearchQuery.defaultCount))", example: "20"
        ) { $0.query.count = $1 },
        .integer("offset", in: 0...SearchQuery.maximumOffset, role: .control, help: "Results to skip, for paging", example: "60") {
            $0.query.offset = $1
        },
    ]

    /// Every accepted name (names and aliases) of ``all``, in its order.
    public static let allNames: [String] = all.flatMap(\.names)

    /// The field with this name or alias (lowercase), if any.
    public static func named(_ name: String) -> SearchField? { byName[name] }

    private static let byName: [String: SearchField] = Dictionary(
        all.flatMap { field in field.names.map { ($0, field) } }, uniquingKeysWith: { first, _ in first })
}
