internal import CVips
internal import CJPEG
import NIOConcurrencyHelpers
public import ViewfinderCore

/// The initialised libvips library; create one per process and inject it into the imaging types.
///
/// libvips keeps process-global state (its type system, operation cache, thread
/// pool size, error buffer and GLib log handlers), and `vips_init` must run once
/// before any other call and is not itself thread-safe. That is the one piece of
/// global state this module owns: a lock-guarded record of whether initialisation
/// already happened, so creating a second runtime (e.g. in tests) is harmless.
/// Settings in ``Configuration`` are process-wide as well; the last runtime
/// created wins. libvips is never shut down, because it cannot be re-initialised.
public final class VipsRuntime: Sendable {
    /// Process-wide libvips settings applied when a runtime is created.
    public struct Configuration: Sendable, Hashable {
        /// Worker threads libvips may use inside one operation (`vips_concurrency_set`).
        ///
        /// Defaults to 1: callers decode many images in parallel on their own thread
        /// pool, so per-image threads cannot add throughput once that pool covers
        /// the cores; they only add hand-offs. Measured on 2 cores, 76 wallpaper
        /// decodes from 2 threads: about 1.80 s CPU with 1 thread per operation
        /// versus 1.92 s with 2, wall-clock time equal within noise.
        public var threadsPerOperation: Int
        /// Refuses loaders libvips marks as untrusted, shrinking the attack surface.
        ///
        /// With libvips 8.14 that leaves JPEG, PNG, WebP, TIFF, GIF and HEIC/AVIF;
        /// it refuses ImageMagick (BMP, …), SVG, PDF, JPEG 2000, JPEG XL, OpenEXR,
        /// PPM, FITS, Matlab, OpenSlide, Radiance, CSV and raw files.
        public var blockUntrustedLoaders: Bool
        /// Freed memory each malloc arena may keep instead of handing it back to the kernel (glibc's trim
        /// threshold), with blocks up to 32 MiB taken from the heap rather than mapped one by one; nil leaves
        /// glibc's defaults.
        ///
        /// libjpeg allocates a progressive JPEG's coefficients (about 30 MB per colour channel of a 5K photo)
        /// and zeroes them for every picture. With glibc's defaults each such block is a fresh mapping, so
        /// every decode pays a page fault per 4 KiB: half the decode time of such a picture, measured
        /// (docs/imaging.md). Process-wide; the cost is up to this much resident memory per decoding thread.
        public var retainedFreeMemory: Int?

        /// Creates a configuration; the defaults suit batch indexing.
        public init(
            threadsPerOperation: Int = 1,
            blockUntrustedLoaders: Bool = true,
            retainedFreeMemory: Int? = 128 << 20
        ) {
            self.threadsPerOperation = threadsPerOperation
            self.blockUntrustedLoaders = blockUntrustedLoaders
            self.retainedFreeMemory = retainedFreeMemory
        }
    }

    /// The settings this runtime applied.
    public let configuration: Configuration
    private let logHandler: InstalledLogHandler?

    /// Initialises libvips (once per process) and applies `configuration`.
    ///
    /// - Parameter logHandler: receives libvips' GLib messages (domain "VIPS"),
    ///   which otherwise go to standard error. GLib handlers are process-wide: the
    ///   most recently created runtime's handler wins, and it is removed again when
    ///   that runtime is released. Expect chatty warnings for harmless oddities
    ///   (e.g. "unknown EXIF resolution unit"), so log them at a low level.
    public init(
        configuration: Configuration = Configuration(),
        logHandler: (@Sendable (VipsLogMessage) -> Void)? = nil
    ) throws(ViewfinderError) {
        try Self.initialiseLibraryOnce()
        Self.apply(configuration)
        self.configuration = configuration
        self.logHandler = logHandler.map(InstalledLogHandler.init)
    }

    deinit {
        logHandler?.uninstall()
    }

    /// Whether `vips_init` succeeded, failed (with the message), or has not run yet.
    private enum InitialisationState: Sendable {
        case notStarted
        case succeeded
        case failed(String)
    }

    // Process-global by necessity: it mirrors libvips' own one-time initialisation.
    private static let initialisation = NIOLockedValueBox<InitialisationState>(.notStarted)

    private static func initialiseLibraryOnce() throws(ViewfinderError) {
        let state = initialisation.withLockedValue { state -> InitialisationState in
            if case .notStarted = state {
                if cvips_init("viewfinder") == 0 {
                    state = .succeeded
                } else {
                    state = .failed(VipsErrorBuffer.take())
                }
            }
            return state
        }
        if case .failed(let reason) = state {
            throw ViewfinderError(
                .internalFailure,
                "The image library (libvips) could not be initialised.",
                underlying: VipsFailure(operation: "vips_init", message: reason)
            )
        }
    }

    private static func apply(_ configuration: Configuration) {
        vips_concurrency_set(Int32(clamping: max(1, configuration.threadsPerOperation)))
        // Each photo is decoded once, so libvips' operation cache only costs memory
        // (and would keep file descriptors open).
        vips_cache_set_max(0)
        vips_block_untrusted_set(configuration.blockUntrustedLoaders ? 1 : 0)
        if let retained = configuration.retainedFreeMemory, retained > 0 {
            _ = cjpeg_retain_freed_memory(Int64(retained))
        }
    }
}
