public import struct Foundation.Date

/// Where a photo's capture time came from, in PhotoPrism's spirit.
public enum DateSource: String, Sendable, Codable, CaseIterable {
    /// Not known.
    case unknown
    /// Read from the file's embedded metadata (EXIF, XMP).
    case meta
    /// Parsed from the file name.
    case name
    /// Taken from the file's modification time.
    case file
    /// Set by a person.
    case manual
}

/// What a photo shows and when, where and with what it was taken: capture and text metadata.
public struct PhotoMetadata: Sendable, Equatable, Codable {
    /// The capture time in UTC.
    public var takenAt: Date?
    /// The wall-clock capture time where it was taken, stored as if it were UTC (no zone attached).
    public var takenAtLocal: Date?
    /// Where `takenAt` came from.
    public var takenAtSource: DateSource
    /// The camera maker, e.g. `Canon`.
    public var cameraMake: String?
    /// The camera model, e.g. `EOS 5D Mark IV`.
    public var cameraModel: String?
    /// The lens, e.g. `EF24-105mm f/4L IS USM`.
    public var lens: String?
    /// ISO speed.
    public var iso: Int?
    /// The aperture as an f-number, e.g. 4.0.
    public var fNumber: Double?
    /// The exposure time as written by the camera, e.g. `1/250`.
    public var exposure: String?
    /// The focal length in millimetres.
    public var focalLength: Double?
    /// Latitude in degrees, WGS 84.
    public var latitude: Double?
    /// Longitude in degrees, WGS 84.
    public var longitude: Double?
    /// Altitude in metres above sea level.
    public var altitude: Double?
    /// A title.
    public var title: String?
    /// A longer description.
    public var description: String?
    /// Keywords, in the order given.
    public var keywords: [String]

    /// Creates metadata; everything defaults to unknown.
    public init(
        takenAt: Date? = nil, takenAtLocal: Date? = nil, takenAtSource: DateSource = .unknown,
        cameraMake: String? = nil, cameraModel: String? = nil, lens: String? = nil, iso: Int? = nil,
        fNumber: Double? = nil, exposure: String? = nil, focalLength: Double? = nil,
        latitude: Double? = nil, longitude: Double? = nil, altitude: Double? = nil,
        title: String? = nil, description: String? = nil, keywords: [String] = []
    ) {
        self.takenAt = takenAt
        self.takenAtLocal = takenAtLocal
        self.takenAtSource = takenAtSource
        self.cameraMake = cameraMake
        self.cameraModel = cameraModel
        self.lens = lens
        self.iso = iso
        self.fNumber = fNumber
        self.exposure = exposure
        self.focalLength = focalLength
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
        self.title = title
        self.description = description
        self.keywords = keywords
    }

    /// Whether the photo has a position (both latitude and longitude).
    public var hasLocation: Bool { latitude != nil && longitude != nil }

    /// Checks the values a catalog cannot store meaningfully; the message names the field.
    public func validate() throws(ViewfinderError) {
        if let latitude, !(latitude.isFinite && (-90...90).contains(latitude)) {
            throw ViewfinderError(.invalidInput, "latitude must be between -90 and 90, not \(latitude)")
        }
        if let longitude, !(longitude.isFinite && (-180...180).contains(longitude)) {
            throw ViewfinderError(.invalidInput, "longitude must be between -180 and 180, not \(longitude)")
        }
        for (name, value) in [("altitude", altitude), ("f-number", fNumber), ("focal length", focalLength)] {
            if let value, !value.isFinite { throw ViewfinderError(.invalidInput, "\(name) must be a finite number") }
        }
        if let iso, iso < 0 { throw ViewfinderError(.invalidInput, "ISO must not be negative, not \(iso)") }
        if keywords.contains(where: { $0.contains(",") }) {
            throw ViewfinderError(.invalidInput, "a keyword must not contain a comma")
        }
    }
}
