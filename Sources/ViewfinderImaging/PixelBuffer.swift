public import ViewfinderCore

/// Raw, uncompressed pixels: rows top to bottom, bands interleaved, native byte order.
public struct PixelBuffer: Sendable, Hashable {
    /// What the bands mean.
    public enum Layout: String, Sendable, Hashable, CaseIterable {
        case grey, greyAlpha, rgb, rgba, cmyk

        /// Number of bands (samples per pixel).
        public var bands: Int {
            switch self {
            case .grey: 1
            case .greyAlpha: 2
            case .rgb: 3
            case .rgba, .cmyk: 4
            }
        }
    }

    /// The size of one sample.
    public enum SampleFormat: String, Sendable, Hashable {
        case uint8, uint16

        /// Bytes per sample.
        public var byteCount: Int { self == .uint8 ? 1 : 2 }
    }

    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// What the bands mean.
    public let layout: Layout
    /// The size of one sample.
    public let sampleFormat: SampleFormat
    /// `width * height * layout.bands` samples of `sampleFormat`, as bytes.
    public let bytes: [UInt8]

    /// Wraps 8-bit samples; throws if their count does not match the size and layout.
    public init(width: Int, height: Int, layout: Layout, samples: [UInt8]) throws(ViewfinderError) {
        try Self.check(width: width, height: height, layout: layout, count: samples.count)
        self.width = width
        self.height = height
        self.layout = layout
        self.sampleFormat = .uint8
        self.bytes = samples
    }

    /// Wraps 16-bit samples; throws if their count does not match the size and layout.
    public init(width: Int, height: Int, layout: Layout, samples: [UInt16]) throws(ViewfinderError) {
        try Self.check(width: width, height: height, layout: layout, count: samples.count)
        self.width = width
        self.height = height
        self.layout = layout
        self.sampleFormat = .uint16
        self.bytes = samples.withUnsafeBytes { Array($0) }
    }

    /// A picture filled with one colour; `colour` has one 8-bit value per band.
    public static func solid(width: Int, height: Int, layout: Layout = .rgb, colour: [UInt8]) throws(ViewfinderError) -> PixelBuffer {
        guard colour.count == layout.bands else {
            throw ViewfinderError(.invalidInput, "A \(layout.rawValue) colour needs \(layout.bands) values, not \(colour.count).")
        }
        let pixelCount = max(0, width) * max(0, height)
        var samples = [UInt8]()
        samples.reserveCapacity(pixelCount * colour.count)
        for _ in 0..<pixelCount {
            samples.append(contentsOf: colour)
        }
        return try PixelBuffer(width: width, height: height, layout: layout, samples: samples)
    }

    private static func check(width: Int, height: Int, layout: Layout, count: Int) throws(ViewfinderError) {
        guard width > 0, height > 0 else {
            throw ViewfinderError(.invalidInput, "A picture must be at least 1×1 pixels, not \(width)×\(height).")
        }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, pixels.multipliedReportingOverflow(by: layout.bands) == (count, false) else {
            throw ViewfinderError(
                .invalidInput,
                "A \(width)×\(height) \(layout.rawValue) picture needs \(width * height * layout.bands) samples, not \(count)."
            )
        }
    }
}
