public import struct Foundation.Date
public import struct Foundation.TimeZone
public import struct Foundation.URL
public import NIOPosix
public import ViewfinderCore

/// Reads picture headers and metadata (EXIF, XMP, IPTC) with libvips, off the cooperative thread pool.
///
/// Only the header is parsed; pixels are never decoded, so even images above the pixel limit
/// can be inspected. The parsing itself lives in pure functions (``MetadataAssembler``,
/// ``ExifField``, ``XMPPacket``, ``IPTCRecord``, ``CaptureDateParser``, ``FileNameDate``,
/// ``GPSCoordinates``, ``ContentTypeSniffer``) that tests and fuzzers call without I/O.
public struct VipsMetadataReader: MetadataReading {
    // Held so libvips stays initialised, and its log handler installed, while this reader exists.
    private let runtime: VipsRuntime
    private let threadPool: NIOThreadPool
    private let extraction: VipsMetadataExtraction

    /// Creates a reader running on `threadPool`; capture times without an offset are read in `timeZone`.
    public init(runtime: VipsRuntime, threadPool: NIOThreadPool, timeZone: TimeZone = .current) {
        self.runtime = runtime
        self.threadPool = threadPool
        extraction = VipsMetadataExtraction(assembler: MetadataAssembler(timeZone: timeZone))
    }

    public func contentType(of file: URL) async throws(ViewfinderError) -> ContentType? {
        try await run(file) { () throws(ViewfinderError) in try VipsMetadataExtraction.contentType(of: file) }
    }

    public func details(of file: URL) async throws(ViewfinderError) -> ImageFileDetails {
        let extraction = self.extraction
        return try await run(file) { () throws(ViewfinderError) in try extraction.details(of: file) }
    }

    public func details(of picture: PictureBytes, modifiedAt: Date) async throws(ViewfinderError) -> ImageFileDetails {
        let extraction = self.extraction
        return try await run(picture.name) { () throws(ViewfinderError) in
            try extraction.details(of: picture, modifiedAt: modifiedAt)
        }
    }

    private func run<T: Sendable>(
        _ file: URL, _ work: @escaping @Sendable () throws(ViewfinderError) -> T
    ) async throws(ViewfinderError) -> T {
        try await run(file.lastPathComponent, work)
    }

    private func run<T: Sendable>(
        _ name: String, _ work: @escaping @Sendable () throws(ViewfinderError) -> T
    ) async throws(ViewfinderError) -> T {
        do {
            return try await threadPool.runIfActive { try work() }
        } catch let error as ViewfinderError {
            throw error
        } catch {
            throw ViewfinderError(
                .internalFailure, "\(name): metadata reading is not running (its thread pool was shut down)")
        }
    }
}
