import Crypto
import Foundation
import ViewfinderCore

/// The size and SHA-256 of a file's bytes.
struct FileDigest: Sendable, Equatable {
    /// Size in bytes.
    let size: Int64
    /// Lower-case hexadecimal SHA-256.
    let sha256: String

    /// Hashes `url` in 1 MiB chunks (blocking: call it on a thread pool).
    static func of(_ url: URL) throws(ViewfinderError) -> FileDigest {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw ViewfinderError(.storageFailed, "cannot read \(url.path)", underlying: error)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
                size += Int64(chunk.count)
            }
        } catch {
            throw ViewfinderError(.storageFailed, "cannot read \(url.path)", underlying: error)
        }
        return FileDigest(size: size, sha256: hasher.finalize().map { String(format: "%02x", $0) }.joined())
    }

    /// Whether `text` looks like a SHA-256 in hexadecimal (64 hex digits, any case).
    static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0 | 0x20) }
    }
}
