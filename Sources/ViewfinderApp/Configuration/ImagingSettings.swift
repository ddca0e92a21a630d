import Foundation
public import ViewfinderCore
public import ViewfinderImaging

/// How pictures are decoded and thumbnailed: pixel limit, truncated files, shrink-on-load and thumbnails.
public struct ImagingSettings: Sendable, Equatable {
    /// Decoder limits and strictness.
    public var decoding: ImagingConfiguration
    /// When thumbnails are made.
    public var thumbnails: ThumbnailPolicy
    /// The format thumbnails are written in.
    public var thumbnailFormat: ThumbnailFormat

    /// Creates settings; the defaults suit a photo library.
    public init(
        decoding: ImagingConfiguration = ImagingConfiguration(), thumbnails: ThumbnailPolicy = .lazy,
        thumbnailFormat: ThumbnailFormat = .jpeg
    ) {
        self.decoding = decoding
        self.thumbnails = thumbnails
        self.thumbnailFormat = thumbnailFormat
    }

    /// Reads `max_pixels`, `reject_truncated`, `shrink_on_load` (`fast`, `balanced` or `off`), `thumbnails` (`lazy` or `index`) and `thumbnail_format`.
    public init(sources: ConfigurationSources) throws(ViewfinderError) {
        self.init()
        if let text = sources.value(.maxPixels) {
            guard let pixels = Int(text.trimmingCharacters(in: .whitespaces)), (1...1_000_000_000).contains(pixels) else {
                throw ViewfinderError(
                    .configurationInvalid, "max-pixels must be a whole number from 1 to 1000000000, not '\(text)'")
            }
            decoding.maxPixels = pixels
        }
        if let text = sources.value(.rejectTruncated) {
            decoding.rejectTruncated = try Self.bool(text, name: "reject-truncated")
        }
        if let text = sources.value(.shrinkOnLoad) {
            let value = text.trimmingCharacters(in: .whitespaces).lowercased()
            guard let mode = ShrinkOnLoad(rawValue: value) ?? (try? Self.bool(value, name: "")).map({ $0 ? .fast : .off })
            else {
                throw ViewfinderError(.configurationInvalid, "shrink-on-load must be fast, balanced or off, not '\(text)'")
            }
            decoding.shrinkOnLoad = mode
        }
        if let text = sources.value(.thumbnails) {
            guard let policy = ThumbnailPolicy(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ViewfinderError(.configurationInvalid, "thumbnails must be lazy or index, not '\(text)'")
            }
            thumbnails = policy
        }
        if let text = sources.value(.thumbnailFormat) {
            guard let format = ThumbnailFormat(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ViewfinderError(.configurationInvalid, "thumbnail-format must be jpeg or webp, not '\(text)'")
            }
            thumbnailFormat = format
        }
    }

    private static func bool(_ text: String, name: String) throws(ViewfinderError) -> Bool {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw ViewfinderError(.configurationInvalid, "\(name) must be true or false, not '\(text)'")
        }
    }
}
