import Crypto
import Foundation
public import NIOPosix
public import ViewfinderCore

/// Reads library folders on the local disk; never writes to them.
public struct LocalLibraryFileSystem: LibraryFileSystem {
    /// File name extensions (lowercase) treated as pictures.
    public let pictureExtensions: Set<String>

    /// The extensions libvips reads on Debian 12, as photo libraries use them.
    public static let defaultPictureExtensions: Set<String> = [
        "jpg", "jpeg", "jpe", "png", "webp", "heic", "heif", "avif", "tif", "tiff", "gif", "bmp",
    ]

    /// What scans skip and follow.
    public let rules: LibraryScanRules
    /// The largest file `read(_:)` holds in memory; larger ones fail with a per-file error.
    public let maximumReadBytes: Int
    private let threadPool: NIOThreadPool

    /// Creates a reader that runs its blocking I/O on `threadPool` and treats `pictureExtensions` as pictures.
    public init(
        threadPool: NIOThreadPool, rules: LibraryScanRules = LibraryScanRules(),
        pictureExtensions: Set<String> = Self.defaultPictureExtensions,
        maximumReadBytes: Int = Self.defaultMaximumReadBytes
    ) {
        self.threadPool = threadPool
        self.rules = rules
        self.pictureExtensions = pictureExtensions
        self.maximumReadBytes = maximumReadBytes
    }

    public func scan(root: String) async throws(ViewfinderError) -> LibraryScan {
        try await onPool { () throws(ViewfinderError) in try scanBlocking(root: root) }
    }

    public func contentHash(of file: LibraryFile) async throws(ViewfinderError) -> String {
        try await onPool { () throws(ViewfinderError) in try Self.hashBlocking(file) }
    }

    public func read(_ file: LibraryFile) async throws(ViewfinderError) -> FileContents {
        let limit = maximumReadBytes
        return try await onPool { () throws(ViewfinderError) in try Self.readBlocking(file, maximumBytes: limit) }
    }

    public func currentState(of file: LibraryFile) async throws(ViewfinderError) -> LibraryFile {
        try await onPool { () throws(ViewfinderError) in
            var status = stat()
            guard stat(file.absolutePath, &status) == 0 else { throw Self.openFailure(file, errno: errno) }
            return LibraryFile(
                root: file.root, relativePath: file.relativePath, size: Int64(status.st_size),
                modifiedAt: Self.modificationDate(status))
        }
    }

    private func onPool<T: Sendable>(_ work: @escaping @Sendable () throws(ViewfinderError) -> T) async throws(ViewfinderError) -> T {
        do {
            return try await threadPool.runIfActive { try work() }
        } catch let error as ViewfinderError {
            throw error
        } catch {
            throw ViewfinderError(.internalFailure, "file system work was cancelled (shutting down)")
        }
    }

    private func scanBlocking(root: String) throws(ViewfinderError) -> LibraryScan {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ViewfinderError(.notFound, "library folder \(root) does not exist or is not a folder")
        }
        guard FileManager.default.isReadableFile(atPath: rootURL.path) else {
            throw ViewfinderError(.storageFailed, "cannot read library folder \(root)")
        }
        var walker = LibraryWalker(rootPath: rootURL.path, rules: rules, pictureExtensions: pictureExtensions)
        walker.walk()
        // A stable order makes runs reproducible and batches deterministic.
        return LibraryScan(
            pictures: walker.pictures.sorted { $0.relativePath < $1.relativePath },
            unsupported: walker.unsupported.sorted { $0.relativePath < $1.relativePath })
    }

    static func modificationDate(_ status: stat) -> Date {
        Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
    }

    /// A user-facing error for a file that could not be opened, from the system's reason.
    static func openFailure(_ file: LibraryFile, errno code: Int32) -> ViewfinderError {
        var link = stat()
        let isLink = lstat(file.absolutePath, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
        let reason = switch code {
        case ELOOP: "symbolic link loop (the link points back to itself)"
        case ENOENT where isLink: "broken symbolic link (its target does not exist)"
        case ENOENT: "the file no longer exists"
        case EACCES, EPERM: "file cannot be read (permission denied)"
        case EISDIR: "is a folder, not an image file"
        default: "cannot open the file for reading (\(String(cString: strerror(code))))"
        }
        return ViewfinderError(.decodeFailed, "\(file.relativePath): \(reason)")
    }

    private static func hashBlocking(_ file: LibraryFile) throws(ViewfinderError) -> String {
        let descriptor = open(file.absolutePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw openFailure(file, errno: errno) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            throw ViewfinderError(.decodeFailed, "\(file.relativePath): the file could not be read", underlying: error)
        }
        return hexadecimal(hasher.finalize())
    }
}
