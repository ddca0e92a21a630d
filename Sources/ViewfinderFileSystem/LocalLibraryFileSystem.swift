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

    private let threadPool: NIOThreadPool

    /// Creates a reader that runs its blocking I/O on `threadPool` and treats `pictureExtensions` as pictures.
    public init(threadPool: NIOThreadPool, pictureExtensions: Set<String> = Self.defaultPictureExtensions) {
        self.threadPool = threadPool
        self.pictureExtensions = pictureExtensions
    }

    public func scan(root: String) async throws(ViewfinderError) -> LibraryScan {
        try await onPool { () throws(ViewfinderError) in try scanBlocking(root: root) }
    }

    public func contentHash(of file: LibraryFile) async throws(ViewfinderError) -> String {
        try await onPool { () throws(ViewfinderError) in try Self.hashBlocking(file) }
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
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard
            let enumerator = FileManager.default.enumerator(
                at: rootURL, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else {
            throw ViewfinderError(.storageFailed, "cannot read library folder \(root)")
        }
        let rootPath = rootURL.path
        var pictures: [LibraryFile] = []
        var unsupported: [LibraryFile] = []
        for case let url as URL in enumerator {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else {
                continue
            }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath + "/") else { continue }
            let file = LibraryFile(
                root: rootPath,
                relativePath: String(path.dropFirst(rootPath.count + 1)),
                size: Int64(values.fileSize ?? 0),
                modifiedAt: values.contentModificationDate ?? Date(timeIntervalSince1970: 0)
            )
            if pictureExtensions.contains(url.pathExtension.lowercased()) {
                pictures.append(file)
            } else {
                unsupported.append(file)
            }
        }
        // A stable order makes runs reproducible and batches deterministic.
        pictures.sort { $0.relativePath < $1.relativePath }
        unsupported.sort { $0.relativePath < $1.relativePath }
        return LibraryScan(pictures: pictures, unsupported: unsupported)
    }

    private static func hashBlocking(_ file: LibraryFile) throws(ViewfinderError) -> String {
        guard let handle = FileHandle(forReadingAtPath: file.absolutePath) else {
            throw ViewfinderError(.decodeFailed, "\(file.relativePath): cannot open the file for reading")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            throw ViewfinderError(.decodeFailed, "\(file.relativePath): the file could not be read", underlying: error)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
