public import struct Foundation.Date

/// Conditions on photo metadata that every backend evaluates inside the same query as the vector ranking.
///
/// Every set condition must hold. Only photos with index status `indexed` are ever returned by searches.
public struct PhotoFilter: Sendable, Equatable {
    /// Taken at or after this instant (UTC).
    public var takenAfter: Date?
    /// Taken strictly before this instant (UTC).
    public var takenBefore: Date?
    /// Case-insensitive substring of the camera make or model, e.g. `canon`.
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

    /// Creates a filter; by default it only hides archived photos.
    public init(
        takenAfter: Date? = nil, takenBefore: Date? = nil, camera: String? = nil, boundingBox: GeoBox? = nil,
        hasLocation: Bool? = nil, albumID: Int64? = nil, favorite: Bool? = nil, archived: Bool? = false,
        keywords: String? = nil
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
    }

    /// No condition at all, archived photos included.
    public static let everything = PhotoFilter(archived: nil)

    /// The keyword terms backends search for: lowercase runs of letters and digits.
    public var keywordTerms: [String] { KeywordTerms.terms(in: keywords ?? "") }

    /// The camera text with LIKE wildcards escaped by `\`, or nil when no camera condition is set.
    public var cameraLikePattern: String? {
        guard let camera, !camera.isEmpty else { return nil }
        var escaped = ""
        for character in camera.lowercased() {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
