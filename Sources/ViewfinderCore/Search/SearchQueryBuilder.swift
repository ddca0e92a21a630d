import Foundation

/// Collects validated fields while a query is parsed, then checks the rules that span fields.
struct SearchQueryBuilder {
    /// Every accepted parameter name besides `q`.
    static let fieldNames = [
        "path", "folder", "name", "year", "month", "day", "before", "after", "camera", "lens", "iso", "f", "mm",
        "lat", "lng", "dist", "latlng", "geo", "favorite", "archived", "album", "type", "portrait", "landscape",
        "square", "mp", "keywords", "clip", "clip_weight", "similar", "min_score", "order", "count", "offset",
    ]

    private var query = SearchQuery()
    private var seen: Set<String> = []
    private var latitude: Double?
    private var longitude: Double?
    private var distance: Double?
    private var shapes: [PhotoShape] = []

    /// Records that `name` was given, refusing a second time (also `path` after `folder`).
    mutating func markSeen(_ name: String) throws(ViewfinderError) {
        let canonical = name == "folder" ? "path" : name
        guard seen.insert(canonical).inserted else {
            throw ViewfinderError(.invalidInput, "\(name) is given more than once; use | for alternatives")
        }
    }

    /// Validates one `name=value` and stores it.
    mutating func apply(_ name: String, _ rawValue: String, inQ: Bool) throws(ViewfinderError) {
        guard name == "q" || Self.fieldNames.contains(name) else {
            let place = inQ ? " in q" : ""
            throw ViewfinderError(.invalidInput, "unknown search field '\(name)'\(place); known fields: q, \(Self.fieldNames.joined(separator: ", "))")
        }
        guard name != "q" else { throw ViewfinderError(.invalidInput, "q cannot be nested inside q") }
        try markSeen(name)
        let value = rawValue.trimmingBlanks
        guard !value.isEmpty else { throw ViewfinderError(.invalidInput, "\(name) needs a value") }
        let parse = SearchValueParser(field: name)
        switch name {
        case "path", "folder": query.filter.folders = try parse.patterns(value)
        case "name": query.filter.names = try parse.patterns(value)
        case "year": query.filter.years = try parse.integers(value, in: 1...9999)
        case "month": query.filter.months = try parse.integers(value, in: 1...12)
        case "day": query.filter.days = try parse.integers(value, in: 1...31)
        case "before": query.filter.takenBefore = try parse.date(value)
        case "after": query.filter.takenAfter = try parse.date(value)
        case "camera": query.filter.camera = try parse.alternatives(value).joined(separator: "|")
        case "lens": query.filter.lens = try parse.alternatives(value).joined(separator: "|")
        case "iso": query.filter.iso = try parse.integerRange(value, in: 0...1_000_000)
        case "f": query.filter.fNumber = try parse.numberRange(value, in: 0...1000)
        case "mm": query.filter.focalLength = try parse.numberRange(value, in: 0...100_000)
        case "lat": latitude = try parse.number(value, in: -90...90)
        case "lng": longitude = try parse.number(value, in: -180...180)
        case "dist": distance = try parse.number(value, in: 0.001...20_000)
        case "latlng": query.filter.boundingBox = try parse.box(value)
        case "geo": query.filter.hasLocation = try parse.bool(value)
        case "favorite": query.filter.favorite = try parse.bool(value)
        case "archived": query.filter.archived = try parse.bool(value)
        case "album": query.album = value
        case "type": query.filter.mediaTypes = try parse.mediaTypes(value)
        case "portrait", "landscape", "square":
            if try parse.bool(value), let shape = PhotoShape(rawValue: name) { shapes.append(shape) }
        case "mp": query.filter.minimumMegapixels = try parse.number(value, in: 0.000001...100_000)
        case "keywords": query.filter.keywords = try parse.keywords(value)
        case "clip": query.clip = value
        case "clip_weight": query.clipWeight = try parse.number(value, in: 0...1)
        case "similar": query.similar = try parse.uid(value)
        case "min_score": query.minScore = try parse.number(value, in: -1...1)
        case "order": query.order = try parse.order(value)
        case "count": query.count = try parse.integer(value, in: 1...SearchQuery.maximumCount)
        default: query.offset = try parse.integer(value, in: 0...SearchQuery.maximumOffset)
        }
    }

    /// The query, after the checks that involve more than one field.
    func finish() throws(ViewfinderError) -> SearchQuery {
        var query = query
        if shapes.count > 1 {
            throw ViewfinderError(.invalidInput, "portrait, landscape and square exclude each other; give one")
        }
        query.filter.shape = shapes.first
        switch (latitude, longitude) {
        case let (latitude?, longitude?):
            query.filter.near = GeoCircle(
                latitude: latitude, longitude: longitude,
                radiusKilometres: distance ?? SearchQuery.defaultDistanceKilometres)
        case (nil, nil):
            if distance != nil { throw ViewfinderError(.invalidInput, "dist needs lat and lng") }
        default:
            throw ViewfinderError(.invalidInput, "lat and lng must be given together")
        }
        if let after = query.filter.takenAfter, let before = query.filter.takenBefore, after >= before {
            throw ViewfinderError(.invalidInput, "after must be earlier than before")
        }
        if query.clip != nil, query.similar != nil {
            throw ViewfinderError(.invalidInput, "clip and similar exclude each other; give one")
        }
        return query
    }
}
