import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ViewfinderCore

extension LocalLibraryFileSystem {
    /// Files above this size are refused rather than held in memory: at the default 100 MP limit even an
    /// uncompressed 16-bit RGB TIFF stays below it, so nothing a decoder would accept is lost.
    public static let defaultMaximumReadBytes = 1 << 30

    /// Bytes read (and hashed) per `read` call: small enough that SHA-256 sees them while they are in cache.
    static let readChunk = 1 << 20

    /// Reads `file` whole with plain `read` calls, hashing each chunk right after it arrives.
    ///
    /// Plain reads rather than a memory map: a map of a file that another program truncates meanwhile
    /// faults (SIGBUS) when the decoder touches the missing pages, and a map measured no faster for 1–20 MB
    /// files than a read (docs/imaging.md).
    static func readBlocking(_ file: LibraryFile, maximumBytes: Int) throws(ViewfinderError) -> FileContents {
        let descriptor = open(file.absolutePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw openFailure(file, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw readFailure(file, errno: errno) }
        // A folder opens but cannot be read; say so rather than judge its size.
        guard (status.st_mode & S_IFMT) != S_IFDIR else { throw readFailure(file, errno: EISDIR) }
        let expected = Int(max(0, status.st_size))
        guard expected <= maximumBytes else { throw tooLarge(file, maximumBytes: maximumBytes) }
        var hasher = SHA256()
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer), hasher: &hasher, failure: &failure)
        }
        if failure == 0, bytes.count == expected {
            // The file may have grown since `fstat`; keep reading to its end, as the hash did before.
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while failure == 0 {
                let count = chunk.withUnsafeMutableBytes { readFully(descriptor, into: $0, hasher: &hasher, failure: &failure) }
                guard count > 0 else { break }
                guard bytes.count + count <= maximumBytes else { throw tooLarge(file, maximumBytes: maximumBytes) }
                bytes.append(contentsOf: chunk[0..<count])
            }
        }
        guard failure == 0 else { throw readFailure(file, errno: failure) }
        return FileContents(
            picture: PictureBytes(name: URL(fileURLWithPath: file.absolutePath).lastPathComponent, bytes: bytes),
            contentHash: hexadecimal(hasher.finalize()))
    }

    /// Fills `buffer` from `descriptor` until it is full or the file ends, hashing what arrives.
    ///
    /// Returns the number of bytes read; sets `failure` to errno when a read fails.
    private static func readFully(
        _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, hasher: inout SHA256, failure: inout Int32
    ) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            // Qualified: `read` alone would name this type's own `read(_:)`.
            let count = Glibc.read(descriptor, base + filled, min(readChunk, buffer.count - filled))
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                return filled
            }
            guard count > 0 else { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(start: base + filled, count: count))
            filled += count
        }
        return filled
    }

    /// Lowercase hex of a digest.
    static func hexadecimal(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The error for a file that opened but could not be read (a folder, an I/O error), as hashing reported it.
    private static func readFailure(_ file: LibraryFile, errno code: Int32) -> ViewfinderError {
        ViewfinderError(
            .decodeFailed, "\(file.relativePath): the file could not be read",
            underlying: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO))
    }

    private static func tooLarge(_ file: LibraryFile, maximumBytes: Int) -> ViewfinderError {
        ViewfinderError(
            .decodeFailed,
            "\(file.relativePath): the file is larger than \(maximumBytes) bytes, the most that is read into memory")
    }
}
