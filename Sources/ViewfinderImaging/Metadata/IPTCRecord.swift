import Foundation

/// The fields Viewfinder reads from IPTC-IIM data: object name (title), caption and keywords.
///
/// Accepts either bare IIM datasets or a Photoshop "image resource" block (`Photoshop 3.0`,
/// `8BIM` resources; libvips passes JPEG's APP13 segment this way), whose resource 0x0404 holds
/// the IIM data. Text is UTF-8 when the data says so (coded character set `ESC % G`) or is
/// valid UTF-8; otherwise Latin-1, the IIM default in practice. Never throws.
public struct IPTCRecord: Sendable, Equatable {
    /// Dataset 2:05, ObjectName.
    public var title: String?
    /// Dataset 2:120, Caption/Abstract.
    public var description: String?
    /// Dataset 2:25, Keywords, in order.
    public var keywords: [String] = []

    /// Reads `bytes`.
    public init(parsing bytes: some Collection<UInt8>) {
        let data = Array(bytes)
        let iim = Self.photoshopResource(0x0404, in: data) ?? data[...]
        var declaredUTF8 = false
        var fields: [(dataset: UInt8, value: ArraySlice<UInt8>)] = []
        var index = iim.startIndex
        // Each dataset: 0x1C, record, dataset, 16-bit big-endian length (extended lengths are skipped).
        while index + 5 <= iim.endIndex, iim[index] == 0x1C {
            let record = iim[index + 1]
            let dataset = iim[index + 2]
            let length = Int(iim[index + 3]) << 8 | Int(iim[index + 4])
            guard length & 0x8000 == 0 else { break }
            let start = index + 5
            guard start + length <= iim.endIndex else { break }
            let value = iim[start..<(start + length)]
            if record == 1, dataset == 90 { declaredUTF8 = Array(value) == [0x1B, 0x25, 0x47] }
            if record == 2 { fields.append((dataset, value)) }
            index = start + length
        }
        func text(_ value: ArraySlice<UInt8>) -> String? {
            let decoded = Self.decode(value, declaredUTF8: declaredUTF8).trimmingCharacters(in: .whitespacesAndNewlines)
            return decoded.isEmpty ? nil : decoded
        }
        title = fields.first { $0.dataset == 5 }.flatMap { text($0.value) }
        description = fields.first { $0.dataset == 120 }.flatMap { text($0.value) }
        keywords = fields.filter { $0.dataset == 25 }.compactMap { text($0.value) }
    }

    /// The data of Photoshop image resource `id`, if `data` is a Photoshop resource block that has it.
    static func photoshopResource(_ id: UInt16, in data: [UInt8]) -> ArraySlice<UInt8>? {
        let header = Array("Photoshop 3.0\0".utf8)
        var index = data.starts(with: header) ? header.count : 0
        guard data.count >= index + 4, data[index..<(index + 4)].elementsEqual("8BIM".utf8) else { return nil }
        while index + 12 <= data.count, data[index..<(index + 4)].elementsEqual("8BIM".utf8) {
            let resource = UInt16(data[index + 4]) << 8 | UInt16(data[index + 5])
            // A Pascal-string name, padded so that length byte + name is even.
            let nameLength = Int(data[index + 6])
            var cursor = index + 6 + nameLength + 1
            if (nameLength + 1) % 2 == 1 { cursor += 1 }
            guard cursor + 4 <= data.count else { return nil }
            let size = data[cursor..<(cursor + 4)].reduce(0) { $0 << 8 | Int($1) }
            cursor += 4
            guard size >= 0, cursor + size <= data.count else { return nil }
            if resource == id { return data[cursor..<(cursor + size)] }
            index = cursor + size + (size % 2)
        }
        return nil
    }

    private static func decode(_ bytes: ArraySlice<UInt8>, declaredUTF8: Bool) -> String {
        if declaredUTF8 { return String(decoding: bytes, as: UTF8.self) }
        if let utf8 = String(validating: bytes, as: UTF8.self) { return utf8 }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
