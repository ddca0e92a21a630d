public import ViewfinderCore

/// Recognises a file's format from its first bytes ("magic numbers"), never from its name.
public enum ContentTypeSniffer {
    /// How many leading bytes ``detect(_:)`` looks at; pass at least this many when the file is longer.
    public static let prefixLength = 512

    /// The format of a file starting with `prefix`; nil for an empty file.
    ///
    /// Text (valid UTF-8 without control characters other than whitespace) is `text/plain`;
    /// anything else unrecognised is `application/octet-stream`.
    public static func detect(_ prefix: some Collection<UInt8>) -> ContentType? {
        let bytes = Array(prefix.prefix(prefixLength))
        guard !bytes.isEmpty else { return nil }
        if let image = image(bytes) { return image }
        if bytes.starts(with: Array("%PDF-".utf8)) { return ContentType(mimeType: "application/pdf", name: "PDF") }
        if isText(bytes) {
            let lowered = String(decoding: bytes.prefix(256), as: UTF8.self).lowercased()
            if lowered.contains("<svg") { return ContentType(mimeType: "image/svg+xml", name: "SVG") }
            return ContentType(mimeType: "text/plain", name: "text")
        }
        return ContentType(mimeType: "application/octet-stream", name: "unknown binary")
    }

    private static func image(_ b: [UInt8]) -> ContentType? {
        func at(_ offset: Int, _ signature: [UInt8]) -> Bool {
            b.count >= offset + signature.count && Array(b[offset..<(offset + signature.count)]) == signature
        }
        func ascii(_ offset: Int, _ text: String) -> Bool { at(offset, Array(text.utf8)) }

        if at(0, [0xFF, 0xD8, 0xFF]) { return ContentType(mimeType: "image/jpeg", name: "JPEG") }
        if at(0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return ContentType(mimeType: "image/png", name: "PNG") }
        if ascii(0, "GIF87a") || ascii(0, "GIF89a") { return ContentType(mimeType: "image/gif", name: "GIF") }
        if ascii(0, "RIFF"), ascii(8, "WEBP") { return ContentType(mimeType: "image/webp", name: "WebP") }
        if at(0, [0x49, 0x49, 0x2A, 0x00]) || at(0, [0x4D, 0x4D, 0x00, 0x2A]) {
            // Camera raw files are TIFF containers too; the common ones say so early.
            if ascii(8, "CR") { return ContentType(mimeType: "image/x-canon-cr2", name: "Canon raw (CR2)") }
            return ContentType(mimeType: "image/tiff", name: "TIFF")
        }
        if at(0, [0x49, 0x49, 0x2B, 0x00]) || at(0, [0x4D, 0x4D, 0x00, 0x2B]) {
            return ContentType(mimeType: "image/tiff", name: "BigTIFF")
        }
        if ascii(4, "ftyp"), b.count >= 12 {
            let brand = String(decoding: b[8..<12], as: UTF8.self)
            switch brand {
            case "avif", "avis": return ContentType(mimeType: "image/avif", name: "AVIF")
            case "heic", "heix", "hevc", "hevx", "heim", "heis": return ContentType(mimeType: "image/heic", name: "HEIC")
            case "mif1", "msf1": return ContentType(mimeType: "image/heif", name: "HEIF")
            case "crx ": return ContentType(mimeType: "image/x-canon-cr3", name: "Canon raw (CR3)")
            default: return nil
            }
        }
        if at(0, [0xFF, 0x0A]) || at(0, [0x00, 0x00, 0x00, 0x0C, 0x4A, 0x58, 0x4C, 0x20]) {
            return ContentType(mimeType: "image/jxl", name: "JPEG XL")
        }
        if at(0, [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) || at(0, [0xFF, 0x4F, 0xFF, 0x51]) {
            return ContentType(mimeType: "image/jp2", name: "JPEG 2000")
        }
        if ascii(0, "BM"), b.count >= 14 { return ContentType(mimeType: "image/bmp", name: "BMP") }
        if ascii(0, "8BPS") { return ContentType(mimeType: "image/vnd.adobe.photoshop", name: "Photoshop") }
        if at(0, [0x00, 0x00, 0x01, 0x00]) { return ContentType(mimeType: "image/vnd.microsoft.icon", name: "ICO") }
        return nil
    }

    /// Whether the bytes read as UTF-8 text (a multi-byte character cut at the end is allowed).
    private static func isText(_ bytes: [UInt8]) -> Bool {
        var trimmed = bytes[...]
        // Drop an incomplete UTF-8 sequence at the cut.
        var back = 0
        while back < 3, let last = trimmed.last, last & 0xC0 == 0x80 || last & 0xC0 == 0xC0 {
            trimmed = trimmed.dropLast()
            back += 1
            if last & 0xC0 == 0xC0 { break }
        }
        guard let text = String(validating: trimmed, as: UTF8.self) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.value >= 0x20 || scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{0C}"
        } && !text.unicodeScalars.contains("\u{7F}")
    }
}
