internal import CVips
import Foundation
import ViewfinderCore

/// The blocking part of thumbnail making: one picture shrunk with `vips_thumbnail` and saved atomically.
///
/// `vips_thumbnail` shrinks while loading (JPEG DCT scaling, WebP/HEIC/PDF at reduced size), applies
/// the EXIF orientation, converts embedded ICC profiles (and CMYK) to sRGB, and with `VIPS_SIZE_DOWN`
/// never enlarges. Runs on a thread-pool thread.
struct VipsThumbnailWriter {
    /// Limits and strictness for the source pictures.
    let configuration: ImagingConfiguration
    /// The format to write.
    let format: ThumbnailFormat
    /// The encoder quality, 1...100.
    let quality: Int

    /// Makes a thumbnail of `source` that fits `maximumSide` and writes it to `destination`.
    ///
    /// Writes to a temporary file next to `destination` and renames it into place, so readers
    /// never see half a thumbnail and concurrent makers of the same thumbnail are harmless.
    func write(source: URL, maximumSide: Int, to destination: URL) throws(ViewfinderError) {
        let name = source.lastPathComponent
        let path = try VipsDecodePipeline.checkedPath(of: source, name: name)
        try write(.file(path), name: name, maximumSide: maximumSide, to: destination)
    }

    /// Makes a thumbnail of `picture`, read in place, as `write(source:maximumSide:to:)` does from a file.
    func write(picture: PictureBytes, maximumSide: Int, to destination: URL) throws(ViewfinderError) {
        guard !picture.bytes.isEmpty else { throw .decodeFailed(picture.name, .empty) }
        try picture.withSource { source throws(ViewfinderError) in
            try write(source, name: picture.name, maximumSide: maximumSide, to: destination)
        }
    }

    private func write(_ source: ImageSource, name: String, maximumSide: Int, to destination: URL) throws(ViewfinderError) {
        let failOn = configuration.rejectTruncated ? VIPS_FAIL_ON_TRUNCATED : VIPS_FAIL_ON_NONE
        let header: VipsImageHandle
        do {
            header = try VipsImageHandle.open(source, access: VIPS_ACCESS_SEQUENTIAL, failOn: failOn)
        } catch {
            throw .decodeFailed(name, VipsDecodePipeline.reasonForUnopenable(source), cause: error)
        }
        let (pixels, overflow) = header.width.multipliedReportingOverflow(by: header.height)
        guard !overflow, pixels <= configuration.maxPixels else {
            throw ViewfinderError(
                .invalidInput,
                "\(name): the image is \(header.width)×\(header.height) pixels, more than the limit of \(configuration.maxPixels) pixels")
        }
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            let made = switch source {
            case .file(let path): cvips_thumbnail_fit(path, Int32(maximumSide), failOn)
            case .memory(let bytes): cvips_thumbnail_buffer_fit(bytes.baseAddress, bytes.count, Int32(maximumSide), failOn)
            }
            guard let made else {
                throw VipsFailure(operation: "thumbnail", message: VipsErrorBuffer.take())
            }
            var image = VipsImageHandle(owning: made)
            if format == .jpeg, image.bands == 2 || image.bands == 4 {
                image = try image.apply("flatten") { cvips_flatten_white($0, $1) }
            }
            try save(image, to: temporary.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ViewfinderError(.decodeFailed, "\(name): the thumbnail could not be made", underlying: error)
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ViewfinderError(.storageFailed, "cannot store the thumbnail \(destination.path): \(reason)")
        }
    }

    private func save(_ image: borrowing VipsImageHandle, to path: String) throws(VipsFailure) {
        let status = switch format {
        case .jpeg: cvips_jpegsave_stripped(image.pointer, path, Int32(quality))
        case .webp: cvips_webpsave_stripped(image.pointer, path, Int32(quality))
        }
        guard status == 0 else { throw VipsFailure(operation: "save", message: VipsErrorBuffer.take()) }
    }
}
