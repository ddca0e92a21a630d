import Foundation
import NIOCore
import NIOPosix
import ViewfinderCore

/// A `.partial` file being filled from the network: bytes are buffered and written on the thread pool.
///
/// Used by one transfer at a time, strictly sequentially, so it needs no locking of its own.
final class PartialFile: @unchecked Sendable {
    // @unchecked: the handle and buffer are only touched by one awaiting caller at a time (no concurrent use).
    private let handle: FileHandle
    private let url: URL
    private let threadPool: NIOThreadPool
    private var pending = Data()
    /// Bytes on disk plus bytes buffered.
    private(set) var length: Int64

    private static let flushThreshold = 1 << 20

    private init(handle: FileHandle, url: URL, length: Int64, threadPool: NIOThreadPool) {
        self.handle = handle
        self.url = url
        self.length = length
        self.threadPool = threadPool
    }

    /// The size of an existing partial file, or 0.
    static func existingLength(of url: URL) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? NSNumber)?.int64Value ?? 0
    }

    /// Opens `url` for appending at `offset` (creating it, and truncating anything beyond `offset`).
    static func open(_ url: URL, at offset: Int64, threadPool: NIOThreadPool) async throws(ViewfinderError) -> PartialFile {
        do {
            let handle = try await threadPool.runIfActive { () throws -> FileHandle in
                let fm = FileManager.default
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if !fm.fileExists(atPath: url.path) { _ = fm.createFile(atPath: url.path, contents: nil) }
                let handle = try FileHandle(forWritingTo: url)
                try handle.truncate(atOffset: UInt64(offset))
                try handle.seek(toOffset: UInt64(offset))
                return handle
            }
            return PartialFile(handle: handle, url: url, length: offset, threadPool: threadPool)
        } catch {
            throw ViewfinderError(.storageFailed, "cannot write \(url.path)", underlying: error)
        }
    }

    /// Appends `buffer`, writing to disk once about 1 MiB has collected.
    func append(_ buffer: ByteBuffer) async throws(ViewfinderError) {
        pending.append(contentsOf: buffer.readableBytesView)
        length += Int64(buffer.readableBytes)
        if pending.count >= Self.flushThreshold { try await flush() }
    }

    /// Writes buffered bytes to disk.
    func flush() async throws(ViewfinderError) {
        guard !pending.isEmpty else { return }
        let chunk = pending
        pending = Data()
        let handle = self.handle
        do {
            try await threadPool.runIfActive { try handle.write(contentsOf: chunk) }
        } catch {
            throw ViewfinderError(.storageFailed, "cannot write \(url.path)", underlying: error)
        }
    }

    /// Writes what is buffered, syncs and closes; the bytes received so far stay for a resume.
    func close() async throws(ViewfinderError) {
        var failure: ViewfinderError?
        do { try await flush() } catch { failure = error }
        let handle = self.handle
        do {
            try await threadPool.runIfActive {
                try handle.synchronize()
                try handle.close()
            }
        } catch {
            failure = failure ?? ViewfinderError(.storageFailed, "cannot write \(url.path)", underlying: error)
        }
        if let failure { throw failure }
    }
}
