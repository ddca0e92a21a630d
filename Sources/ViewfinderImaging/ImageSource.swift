internal import CVips
import Foundation
import ViewfinderCore

/// Where one blocking job reads a picture from: a checked file path, or encoded bytes pinned in memory.
///
/// The memory case borrows the bytes of a ``PictureBytes`` for the job's duration (libvips and libjpeg read
/// them in place, without a copy), so a source never outlives the `withUnsafeBytes` call that made it.
enum ImageSource {
    /// A regular, readable file.
    case file(String)
    /// Encoded bytes that stay valid until the job ends.
    case memory(UnsafeRawBufferPointer)

    /// The libvips loader that claims these bytes, by its leading bytes; nil (with the error buffer cleared)
    /// when none does, and for a file that is gone.
    var loaderName: String? {
        let loader: UnsafePointer<CChar>? = switch self {
        case .file(let path): vips_foreign_find_load(path)
        case .memory(let bytes): vips_foreign_find_load_buffer(bytes.baseAddress, bytes.count)
        }
        guard let loader else {
            // The miss appended "not a known file format" to the shared error buffer; clear it.
            _ = VipsErrorBuffer.take()
            return nil
        }
        return String(cString: loader)
    }

    /// Whether the source is a file that no longer exists (memory is always there).
    var isMissingFile: Bool {
        guard case .file(let path) = self else { return false }
        return !FileManager.default.fileExists(atPath: path)
    }
}

extension PictureBytes {
    /// Runs `body` over these bytes in place, as a memory source; the source is valid only inside `body`.
    func withSource<T>(_ body: (ImageSource) throws(ViewfinderError) -> T) throws(ViewfinderError) -> T {
        // `withUnsafeBytes` rethrows untyped errors, so the typed one travels out in a Result.
        let result: Result<T, ViewfinderError> = bytes.withUnsafeBytes { raw in
            do throws(ViewfinderError) {
                return .success(try body(.memory(raw)))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
