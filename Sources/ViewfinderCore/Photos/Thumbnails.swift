public import struct Foundation.URL

/// The thumbnail sizes Viewfinder keeps: the picture shrunk to fit a square, never enlarged.
public enum ThumbnailSize: String, Sendable, Hashable, CaseIterable, Codable {
    /// At most 256 × 256 pixels (grids).
    case fit256 = "fit_256"
    /// At most 720 × 720 pixels (previews).
    case fit720 = "fit_720"
    /// At most 1920 × 1920 pixels (full-screen viewing).
    case fit1920 = "fit_1920"

    /// The longest side, in pixels.
    public var maximumSide: Int {
        switch self {
        case .fit256: 256
        case .fit720: 720
        case .fit1920: 1920
        }
    }
}

/// The file format thumbnails are written in.
public enum ThumbnailFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// JPEG (alpha is flattened onto white).
    case jpeg
    /// Lossy WebP (keeps alpha).
    case webp

    /// The file name extension.
    public var fileExtension: String { self == .jpeg ? "jpg" : "webp" }
    /// The MIME type to serve it with.
    public var mimeType: String { self == .jpeg ? "image/jpeg" : "image/webp" }
}

/// When thumbnails are made.
public enum ThumbnailPolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// When first asked for.
    case lazy
    /// While indexing, for every picture indexed (and still on demand for anything missing).
    case index
}

/// A cache of thumbnails keyed by the picture's content hash.
public protocol ThumbnailStore: Sendable {
    /// The format this store writes.
    var format: ThumbnailFormat { get }
    /// The cached thumbnail of the picture with SHA-256 `contentHash`, if it exists.
    func cachedThumbnail(for contentHash: String, size: ThumbnailSize) async throws(ViewfinderError) -> URL?
    /// The thumbnail of the picture with SHA-256 `contentHash`, made from `source` if not cached yet.
    func thumbnail(for contentHash: String, size: ThumbnailSize, source: URL) async throws(ViewfinderError) -> URL
    /// Makes every missing size from `source`.
    func prepareThumbnails(for contentHash: String, source: URL) async throws(ViewfinderError)
    /// Makes every missing size from a picture already in memory (used while indexing: no second read).
    func prepareThumbnails(for contentHash: String, from picture: PictureBytes) async throws(ViewfinderError)
}
