public import struct Foundation.URL
public import NIOPosix
public import ViewfinderCore

/// Decodes photo files with libvips into model input tensors, off the cooperative thread pool.
///
/// Steps, matching the Pillow/torchvision reference CLIP was trained with
/// (`exif_transpose`, `convert("RGB")`, bicubic resize of the shortest side,
/// centre crop, normalise):
/// 1. read the header only; refuse images above ``ImagingConfiguration/maxPixels``;
/// 2. for JPEG, let libjpeg shrink by 2/4/8 while decoding, as far as
///    ``ImagingConfiguration/shrinkOnLoad`` allows (`.off` is exact mode); in `.fast`,
///    YCbCr/RGB/greyscale JPEGs are decoded by libjpeg directly (fast DCT and plain
///    chroma when shrinking) instead of libvips' loader;
/// 3. convert to 8-bit sRGB (CMYK, greyscale, 16-bit, palette) and drop alpha;
///    8-bit CMYK without a profile uses Pillow's formula, as the reference does;
/// 4. resize with the cubic kernel and crop the centre square (or squash);
/// 5. apply the EXIF orientation to the square and normalise into CHW floats.
///
/// Embedded ICC profiles of RGB images are not applied, as in the reference.
public struct VipsImageDecoder: ImageDecoding {
    /// Limits and strictness in use.
    public let configuration: ImagingConfiguration
    // Held so libvips stays initialised, and its log handler installed, while this decoder exists.
    private let runtime: VipsRuntime
    private let threadPool: NIOThreadPool

    /// Creates a decoder that runs libvips on `threadPool`, which the caller starts and shuts down.
    public init(runtime: VipsRuntime, threadPool: NIOThreadPool, configuration: ImagingConfiguration = ImagingConfiguration()) {
        self.runtime = runtime
        self.threadPool = threadPool
        self.configuration = configuration
    }

    /// Decodes `file`, applies its orientation and preprocesses it as `spec` says.
    public func decode(_ file: URL, for spec: PreprocessSpec) async throws(ViewfinderError) -> DecodedImage {
        let pipeline = VipsDecodePipeline(configuration: configuration)
        return try await run(file.lastPathComponent) { () throws(ViewfinderError) in try pipeline.decode(file, for: spec) }
    }

    /// Decodes `picture` from memory (libvips' buffer loaders, libjpeg's memory source): the same pixels and
    /// errors as decoding the same bytes from a file.
    public func decode(_ picture: PictureBytes, for spec: PreprocessSpec) async throws(ViewfinderError) -> DecodedImage {
        let pipeline = VipsDecodePipeline(configuration: configuration)
        return try await run(picture.name) { () throws(ViewfinderError) in try pipeline.decode(picture, for: spec) }
    }

    private func run(
        _ name: String, _ work: @escaping @Sendable () throws(ViewfinderError) -> DecodedImage
    ) async throws(ViewfinderError) -> DecodedImage {
        do {
            return try await threadPool.runIfActive { try work() }
        } catch let error as ViewfinderError {
            throw error
        } catch is CancellationError {
            throw ViewfinderError(.internalFailure, "\(name): decoding was cancelled")
        } catch {
            throw ViewfinderError(
                .internalFailure,
                "\(name): image decoding is not running (its thread pool was shut down)"
            )
        }
    }
}
