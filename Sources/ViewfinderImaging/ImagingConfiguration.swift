/// Limits and strictness for decoding untrusted photo files.
public struct ImagingConfiguration: Sendable, Hashable {
    /// Default for ``maxPixels``: 100 megapixels.
    public static let defaultMaxPixels = 100_000_000

    /// Images whose header declares more pixels than this (width × height) are refused before decoding.
    public var maxPixels: Int
    /// Refuse truncated files instead of decoding the part that is present (grey or smeared bottom).
    public var rejectTruncated: Bool
    /// How far large JPEGs are shrunk while decoding; `.off` is exact mode (see ``ShrinkOnLoad``).
    public var shrinkOnLoad: ShrinkOnLoad

    /// Creates a configuration; the defaults suit a photo library.
    public init(
        maxPixels: Int = ImagingConfiguration.defaultMaxPixels, rejectTruncated: Bool = true,
        shrinkOnLoad: ShrinkOnLoad = .fast
    ) {
        self.maxPixels = maxPixels
        self.rejectTruncated = rejectTruncated
        self.shrinkOnLoad = shrinkOnLoad
    }
}
