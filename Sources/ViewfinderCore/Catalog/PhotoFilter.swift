public import struct Foundation.Date

/// Conditions on photo metadata that every backend evaluates inside the same query as the vector ranking.
///
/// Every set condition must hold. Only photos with index status `indexed` are ever returned by searches.
/// Text conditions compare lowercased text; `*` in path and name patterns matches any run of characters.
public struct PhotoFilter: Sendable, Equatable {
    /// Taken at or after this instant (UTC).
    public var takenAfter: Date?
    /// Taken strictly before this instant (UTC).
    public var takenBefore: Date?
    /// Case-insensitive substring of the camera make or model, e.g. `canon`; `|` separates alternatives.
    public var camera: String?
    /// Inside this rectangle.
    public var boundingBox: GeoBox?
    /// Has (true) or lacks (false) a position.
    public var hasLocation: Bool?
    /// A member of this album.
    public var albumID: Int64?
    /// Is (true) or is not (false) a favourite.
    public var favorite: Bool?
    /// Is (true) or is not (false) archived; nil means both. Archived photos are hidden by default.
    public var archived: Bool?
    /// Full-text terms that must all occur in the title, description or keywords.
    public var keywords: String?
    /// Taken (UTC) in one of these years.
    public var years: [Int]
    /// Taken (UTC) in one of these months, 1–12.
    public var months: [Int]
    /// Taken (UTC) on one of these days of the month, 1–31.
    public var days: [Int]
    /// The photo's folder is one of these, or lies below one (`*` wildcards allowed).
    public var folders: [String]
    /// The file name matches one of these patterns (`*` wildcards allowed).
    public var names: [String]
    /// Case-insensitive substring of the lens; `|` separates alternatives.
    public var lens: String?
    /// ISO speed within this range.
    public var iso: ClosedRange<Int>?
    /// F-number within this range.
    public var fNumber: ClosedRange<Double>?
    /// Focal length in millimetres within this range.
    public var focalLength: ClosedRange<Double>?
    /// Within this distance of a point.
    public var near: GeoCircle?
    /// MIME types (`image/jpeg`) or families ending in `/` (`image/`); the photo's type must match one.
    public var mediaTypes: [String]
    /// The photo's shape.
    public var shape: PhotoShape?
    /// At least this many megapixels (width × height / 1 000 000).
    public var minimumMegapixels: Double?

    /// Creates a filter; by default it only hides archived photos.
    public init(
        takenAfter: Date? = nil, takenBefore: Date? = nil, camera: String? = nil, boundingBox: GeoBox? = nil,
        hasLocation: Bool? = nil, albumID: Int64? = nil, favorite: Bool? = nil, archived: Bool? = false,
        keywords: String? = nil, years: [Int] = [], months: [Int] = [], days: [Int] = [],
        folders: [String] = [], names: [String] = [], lens: String? = nil, iso: ClosedRange<Int>? = nil,
        fNumber: ClosedRange<Double>? = nil, focalLength: ClosedRange<Double>? = nil, near: GeoCircle? = nil,
        mediaTypes: [String] = [], shape: PhotoShape? = nil, minimumMegapixels: Double? = nil
    ) {
        self.takenAfter = takenAfter
        self.takenBefore = takenBefore
        self.camera = camera
        self.boundingBox = boundingBox
        self.hasLocation = hasLocation
        self.albumID = albumID
        self.favorite = favorite
        self.archived = archived
        self.keywords = keywords
        self.years = years
        self.months = months
        self.days = days
        self.folders = folders
        self.names = names
        self.lens = lens
        self.iso = iso
        self.fNumber = fNumber
        self.focalLength = focalLength
        self.near = near
        self.mediaTypes = mediaTypes
        self.shape = shape
        self.minimumMegapixels = minimumMegapixels
    }

    /// No condition at all, archived photos included.
    public static let everything = PhotoFilter(archived: nil)

    /// The keyword terms backends search for: lowercase runs of letters and digits.
    public var keywordTerms: [String] { KeywordTerms.terms(in: keywords ?? "") }

    /// One lowercase substring pattern per `|` alternative of the camera text (make or model must match one).
    public var cameraPatterns: [TextPattern] { TextPattern.substringAlternatives(camera) }

    /// One lowercase substring pattern per `|` alternative of the lens text.
    public var lensPatterns: [TextPattern] { TextPattern.substringAlternatives(lens) }

    /// Patterns over the lowercased relative path, one per folder: the folder and everything below it.
    public var folderPatterns: [TextPattern] {
        folders.map { .glob($0.lowercased().trimmingSlashes) + .literal("/") + TextPattern([.anyRun]) }
    }

    /// Patterns over the lowercased relative path, two per name: in the root folder, or in any folder.
    public var namePatterns: [TextPattern] {
        names.flatMap { name in
            let glob = TextPattern.glob(name.lowercased())
            return [glob, TextPattern([.anyRun]) + .literal("/") + glob]
        }
    }

    /// Patterns over the lowercased MIME type, one per media type: the type itself, or a family ending in `/`.
    public var mediaTypePatterns: [TextPattern] {
        mediaTypes.map { $0.hasSuffix("/") ? .literal($0) + TextPattern([.anyRun]) : .literal($0) }
    }

    /// Half-open UTC ranges `[start, end)` of the taking time, one per year condition.
    public var yearRanges: [Range<Date>] {
        years.compactMap { year in
            guard let start = UTCCalendar.date(year: year, month: 1, day: 1),
                let end = UTCCalendar.date(year: year + 1, month: 1, day: 1)
            else { return nil }
            return start..<end
        }
    }
}

extension String {
    /// The string without leading and trailing `/`.
    var trimmingSlashes: String {
        var text = Substring(self)
        while text.hasPrefix("/") { text = text.dropFirst() }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
