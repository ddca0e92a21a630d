internal import CVips
import Foundation
import ViewfinderCore

/// The blocking part of metadata reading: one file's (or in-memory picture's) header through libvips, no pixels decoded.
///
/// Runs on a thread-pool thread, never on Swift's cooperative pool.
struct VipsMetadataExtraction {
    /// Turns the raw fields into domain values.
    let assembler: MetadataAssembler

    /// The format of `file` from its first bytes; nil when empty.
    static func contentType(of file: URL) throws(ViewfinderError) -> ContentType? {
        let name = file.lastPathComponent
        let path = try VipsDecodePipeline.checkedPath(of: file, name: name, allowEmpty: true)
        return ContentTypeSniffer.detect(try prefix(of: path, name: name))
    }

    /// Reads `file`'s header and metadata.
    func details(of file: URL) throws(ViewfinderError) -> ImageFileDetails {
        let name = file.lastPathComponent
        let path = try VipsDecodePipeline.checkedPath(of: file, name: name)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let modifiedAt = attributes?[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
        let prefix = try Self.prefix(of: path, name: name)
        return try details(of: .file(path), name: name, prefix: prefix, size: size, modifiedAt: modifiedAt)
    }

    /// Reads the header and metadata of `picture` in place; `modifiedAt` is the capture time's last fallback.
    func details(of picture: PictureBytes, modifiedAt: Date) throws(ViewfinderError) -> ImageFileDetails {
        guard !picture.bytes.isEmpty else { throw .decodeFailed(picture.name, .empty) }
        let prefix = Array(picture.bytes.prefix(ContentTypeSniffer.prefixLength))
        return try picture.withSource { source throws(ViewfinderError) in
            try details(
                of: source, name: picture.name, prefix: prefix, size: Int64(picture.bytes.count),
                modifiedAt: modifiedAt)
        }
    }

    /// The header and metadata of `source`, whose first bytes are `prefix`.
    private func details(
        of source: ImageSource, name: String, prefix: [UInt8], size: Int64, modifiedAt: Date
    ) throws(ViewfinderError) -> ImageFileDetails {
        let contentType = ContentTypeSniffer.detect(prefix)
            ?? ContentType(mimeType: "application/octet-stream", name: "unknown binary")

        // Opening parses the header only; metadata comes with it, pixels are never requested.
        let header: VipsImageHandle
        do {
            header = try VipsImageHandle.open(source, access: VIPS_ACCESS_SEQUENTIAL, failOn: VIPS_FAIL_ON_NONE)
        } catch {
            throw .decodeFailed(name, VipsDecodePipeline.reasonForUnopenable(source), cause: error)
        }
        let orientation = (1...8).contains(header.orientation) ? header.orientation : 1
        let swapsAxes = ResizePlan.swapsAxes(orientation)
        var exif: [String: String] = [:]
        for field in header.fieldNames where field.hasPrefix("exif-ifd") {
            exif[field] = header.string(field)
        }
        let assembled = assembler.assemble(
            exif: exif, xmp: header.blob("xmp-data"), iptc: header.blob("iptc-data"), fileName: name,
            modifiedAt: modifiedAt)
        return ImageFileDetails(
            fileSize: size, modifiedAt: modifiedAt, contentType: contentType,
            width: swapsAxes ? header.height : header.width, height: swapsAxes ? header.width : header.height,
            orientation: orientation, metadata: assembled.metadata, timeZoneOffset: assembled.timeZoneOffset)
    }

    /// The first bytes of the file, enough to recognise its format.
    private static func prefix(of path: String, name: String) throws(ViewfinderError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .decodeFailed(name, .unreadable) }
        defer { try? handle.close() }
        do {
            return Array(try handle.read(upToCount: ContentTypeSniffer.prefixLength) ?? Data())
        } catch {
            throw .decodeFailed(name, .unreadable)
        }
    }
}
