import Foundation

/// The file parts of a `multipart/form-data` body, enough for one uploaded picture.
struct MultipartForm {
    /// One part: its form field name, file name and bytes.
    struct Part {
        let name: String?
        let filename: String?
        let contentType: String?
        let data: ArraySlice<UInt8>
    }

    let parts: [Part]

    /// The boundary named by a `multipart/form-data; boundary=…` content type, if any.
    static func boundary(fromContentType contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = String(piece.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty || value.utf8.count > 70 ? nil : value
        }
        return nil
    }

    /// Splits `body` at `boundary`; nil when the body is not well-formed multipart.
    init?(body: [UInt8], boundary: String) {
        let delimiter = Array(("--" + boundary).utf8)
        var positions: [Int] = []
        var index = 0
        while let found = Self.find(delimiter, in: body, from: index) {
            positions.append(found)
            index = found + delimiter.count
        }
        guard positions.count >= 2 else { return nil }
        var parts: [Part] = []
        for (start, end) in zip(positions, positions.dropFirst()) {
            var partStart = start + delimiter.count
            // Each delimiter line ends with CRLF; the part's data ends with the CRLF before the next delimiter.
            guard partStart + 2 <= body.count, body[partStart] == 13, body[partStart + 1] == 10 else { return nil }
            partStart += 2
            guard let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: partStart), headerEnd < end else {
                return nil
            }
            let headerText = String(decoding: body[partStart..<headerEnd], as: UTF8.self)
            let dataStart = headerEnd + 4
            let dataEnd = max(dataStart, end - 2)
            var name: String?
            var filename: String?
            var contentType: String?
            for line in headerText.split(separator: "\r\n") {
                let lowered = line.lowercased()
                if lowered.hasPrefix("content-disposition:") {
                    name = Self.parameter("name", in: String(line))
                    filename = Self.parameter("filename", in: String(line))
                } else if lowered.hasPrefix("content-type:") {
                    contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            parts.append(Part(name: name, filename: filename, contentType: contentType, data: body[dataStart..<dataEnd]))
        }
        self.parts = parts
    }

    private static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard piece.lowercased().hasPrefix(key + "=") else { continue }
            var value = String(piece.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let first = needle[0]
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
