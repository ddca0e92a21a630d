internal import CVips
public import struct Foundation.URL
public import NIOPosix
public import ViewfinderCore

/// Writes raw pixels as JPEG or PNG files with libvips, off the cooperative thread pool.
public struct VipsImageEncoder: Sendable {
    /// The file format to write.
    public enum Format: Sendable, Hashable {
        /// Baseline JPEG with a quality of 1...100; 16-bit samples are reduced to 8 bits.
        case jpeg(quality: Int)
        /// Progressive JPEG (coarse-to-fine scans) with a quality of 1...100; the same quantised
        /// coefficients as `.jpeg` at that quality, only stored in another order.
        case progressiveJPEG(quality: Int)
        /// Lossless PNG; 16-bit samples are kept.
        case png
    }

    // Held so libvips stays initialised, and its log handler installed, while this encoder exists.
    private let runtime: VipsRuntime
    private let threadPool: NIOThreadPool

    /// Creates an encoder that runs libvips on `threadPool`, which the caller starts and shuts down.
    public init(runtime: VipsRuntime, threadPool: NIOThreadPool) {
        self.runtime = runtime
        self.threadPool = threadPool
    }

    /// Writes `pixels` to `file`, replacing it; `orientation` (1...8, JPEG only) is recorded as the EXIF orientation tag.
    public func write(
        _ pixels: PixelBuffer, to file: URL, as format: Format, orientation: Int = 1
    ) async throws(ViewfinderError) {
        guard file.isFileURL else {
            throw ViewfinderError(.invalidInput, "\(file.absoluteString) is not a local file.")
        }
        guard (1...8).contains(orientation) else {
            throw ViewfinderError(.invalidInput, "EXIF orientation must be 1...8, not \(orientation).")
        }
        // libvips 8.14 records the orientation tag only in JPEG's EXIF; refuse rather than drop it.
        if format == .png, orientation != 1 {
            throw ViewfinderError(.invalidInput, "An EXIF orientation can only be written to JPEG files.")
        }
        if case .jpeg(let quality) = format, !(1...100).contains(quality) {
            throw ViewfinderError(.invalidInput, "JPEG quality must be 1...100, not \(quality).")
        }
        if case .progressiveJPEG(let quality) = format, !(1...100).contains(quality) {
            throw ViewfinderError(.invalidInput, "JPEG quality must be 1...100, not \(quality).")
        }
        let path = file.path
        let name = file.lastPathComponent
        do {
            try await threadPool.runIfActive {
                do {
                    try Self.save(pixels, to: path, as: format, orientation: orientation)
                } catch {
                    throw ViewfinderError(.encodeFailed, "\(name): the image could not be written", underlying: error)
                }
            }
        } catch let error as ViewfinderError {
            throw error
        } catch {
            throw ViewfinderError(.internalFailure, "\(name): image encoding is not running (its thread pool was shut down)")
        }
    }

    private static func save(_ pixels: PixelBuffer, to path: String, as format: Format, orientation: Int) throws(VipsFailure) {
        let created = pixels.bytes.withUnsafeBytes { bytes in
            cvips_image_new_from_memory_copy(
                bytes.baseAddress, bytes.count, Int32(pixels.width), Int32(pixels.height),
                Int32(pixels.layout.bands),
                pixels.sampleFormat == .uint8 ? VIPS_FORMAT_UCHAR : VIPS_FORMAT_USHORT
            )
        }
        guard let created else {
            throw VipsFailure(operation: "new_from_memory", message: VipsErrorBuffer.take())
        }
        let image = VipsImageHandle(owning: created)
        let typed = try image.reinterpreted(as: interpretation(of: pixels))
        typed.setOrientation(orientation)
        switch format {
        case .jpeg(let quality):
            try typed.saveJPEG(to: path, quality: quality)
        case .progressiveJPEG(let quality):
            try typed.saveJPEG(to: path, quality: quality, progressive: true)
        case .png:
            try typed.savePNG(to: path)
        }
    }

    private static func interpretation(of pixels: PixelBuffer) -> VipsInterpretation {
        let wide = pixels.sampleFormat == .uint16
        switch pixels.layout {
        case .grey, .greyAlpha: return wide ? VIPS_INTERPRETATION_GREY16 : VIPS_INTERPRETATION_B_W
        case .rgb, .rgba: return wide ? VIPS_INTERPRETATION_RGB16 : VIPS_INTERPRETATION_sRGB
        case .cmyk: return VIPS_INTERPRETATION_CMYK
        }
    }
}
