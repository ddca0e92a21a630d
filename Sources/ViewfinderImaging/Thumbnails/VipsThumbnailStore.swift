public import Foundation
public import NIOPosix
public import ViewfinderCore

/// Thumbnails made with libvips and cached on disk by content hash, off the cooperative thread pool.
///
/// Layout: `<directory>/<h0h1>/<h2h3>/<hash>_<size>.<ext>`, e.g.
/// `cache/thumbnails/3f/a2/3fa2…_fit_256.jpg`. A picture whose bytes change gets a new hash and
/// so new thumbnails; identical files share theirs. Thumbnails are never enlarged: a picture
/// smaller than a size is stored at its own size.
public struct VipsThumbnailStore: ThumbnailStore {
    /// The cache folder (normally `<storage>/cache/thumbnails`).
    public let directory: URL
    public let format: ThumbnailFormat
    // Held so libvips stays initialised, and its log handler installed, while this store exists.
    private let runtime: VipsRuntime
    private let threadPool: NIOThreadPool
    private let writer: VipsThumbnailWriter

    /// Creates a store writing `format` at `quality` into `directory`, running libvips on `threadPool`.
    public init(
        directory: URL, format: ThumbnailFormat = .jpeg, quality: Int = 85, runtime: VipsRuntime,
        threadPool: NIOThreadPool, configuration: ImagingConfiguration = ImagingConfiguration()
    ) {
        self.directory = directory
        self.format = format
        self.runtime = runtime
        self.threadPool = threadPool
        writer = VipsThumbnailWriter(configuration: configuration, format: format, quality: min(100, max(1, quality)))
    }

    /// Where the thumbnail of `contentHash` at `size` lives (whether or not it exists yet).
    public func location(for contentHash: String, size: ThumbnailSize) throws(ViewfinderError) -> URL {
        // The hash becomes a path: anything but 64 lowercase hex digits could escape the folder.
        guard contentHash.utf8.count == 64, contentHash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else {
            throw ViewfinderError(.invalidInput, "'\(contentHash.prefix(80))' is not a SHA-256 content hash")
        }
        return directory
            .appendingPathComponent(String(contentHash.prefix(2)))
            .appendingPathComponent(String(contentHash.dropFirst(2).prefix(2)))
            .appendingPathComponent("\(contentHash)_\(size.rawValue).\(format.fileExtension)")
    }

    public func cachedThumbnail(for contentHash: String, size: ThumbnailSize) async throws(ViewfinderError) -> URL? {
        let url = try location(for: contentHash, size: size)
        return try await run { FileManager.default.fileExists(atPath: url.path) ? url : nil }
    }

    public func thumbnail(for contentHash: String, size: ThumbnailSize, source: URL) async throws(ViewfinderError) -> URL {
        let url = try location(for: contentHash, size: size)
        let writer = self.writer
        return try await run { () throws(ViewfinderError) in
            if FileManager.default.fileExists(atPath: url.path) { return url }
            try Self.makeFolder(for: url)
            try writer.write(source: source, maximumSide: size.maximumSide, to: url)
            return url
        }
    }

    public func prepareThumbnails(for contentHash: String, source: URL) async throws(ViewfinderError) {
        try await prepare(contentHash) { writer, side, url throws(ViewfinderError) in
            try writer.write(source: source, maximumSide: side, to: url)
        }
    }

    /// Makes every missing size from the bytes the indexer already holds: the largest is shrunk from them
    /// while loading (`vips_thumbnail_buffer`), the smaller ones from the largest (docs/imaging.md).
    public func prepareThumbnails(for contentHash: String, from picture: PictureBytes) async throws(ViewfinderError) {
        try await prepare(contentHash) { writer, side, url throws(ViewfinderError) in
            try writer.write(picture: picture, maximumSide: side, to: url)
        }
    }

    /// Makes the missing sizes, largest first: `fromOriginal` makes the largest missing one, and the smaller
    /// ones come from the largest size on disk, much cheaper than decoding a 24 MP original three times.
    private func prepare(
        _ contentHash: String,
        fromOriginal: @escaping @Sendable (VipsThumbnailWriter, Int, URL) throws(ViewfinderError) -> Void
    ) async throws(ViewfinderError) {
        let sizes = try ThumbnailSize.allCases.sorted { $0.maximumSide > $1.maximumSide }
            .map { size throws(ViewfinderError) in (size, try location(for: contentHash, size: size)) }
        let writer = self.writer
        try await run { () throws(ViewfinderError) in
            var largest: URL?
            for (size, url) in sizes {
                if !FileManager.default.fileExists(atPath: url.path) {
                    try Self.makeFolder(for: url)
                    if let largest {
                        try writer.write(source: largest, maximumSide: size.maximumSide, to: url)
                    } else {
                        try fromOriginal(writer, size.maximumSide, url)
                    }
                }
                if largest == nil { largest = url }
            }
        }
    }

    private static func makeFolder(for url: URL) throws(ViewfinderError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ViewfinderError(
                .storageFailed, "cannot create the thumbnail folder \(url.deletingLastPathComponent().path)", underlying: error)
        }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () throws(ViewfinderError) -> T) async throws(ViewfinderError) -> T {
        do {
            return try await threadPool.runIfActive { try work() }
        } catch let error as ViewfinderError {
            throw error
        } catch {
            throw ViewfinderError(.internalFailure, "thumbnail work is not running (its thread pool was shut down)")
        }
    }
}
