/// A small, non-validating XML tokenizer for XMP packets.
///
/// It reads elements, attributes, text and CDATA, decodes the five predefined entities and
/// character references, and skips comments, processing instructions and DOCTYPE declarations
/// without expanding anything they define, so entity bombs and external entities cannot occur.
/// Linear in the input; on malformed input it stops (``next()`` returns nil) and callers keep
/// what they read so far. libxml2 (behind Foundation's XMLParser on Linux) is avoided on purpose:
/// it is not safe for concurrent use in one process and is a large attack surface for a few
/// fields of untrusted metadata.
struct XMLScanner {
    /// One piece of the document.
    enum Event: Equatable {
        /// `<name a="v">`, or `<name/>` when `selfClosing`.
        case start(name: String, attributes: [Attribute], selfClosing: Bool)
        /// `</name>`.
        case end(name: String)
        /// Character data between tags (entities decoded), or a CDATA section.
        case text(String)
    }

    /// One attribute, value decoded.
    struct Attribute: Equatable {
        let name: String
        let value: String
    }

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next event, or nil at the end or at the first malformed construct.
    mutating func next() -> Event? {
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "<") else { return text() }
            if starts(with: "<?") {
                guard skip(past: "?>") else { return nil }
            } else if starts(with: "<!--") {
                guard skip(past: "-->") else { return nil }
            } else if starts(with: "<![CDATA[") {
                position += 9
                let start = position
                guard skip(past: "]]>") else { return nil }
                return .text(String(decoding: bytes[start..<(position - 3)], as: UTF8.self))
            } else if starts(with: "<!") {
                guard skipDeclaration() else { return nil }
            } else if starts(with: "</") {
                position += 2
                let name = self.name()
                skipSpaces()
                guard !name.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: ">") else { return nil }
                position += 1
                return .end(name: name)
            } else {
                return startTag()
            }
        }
        return nil
    }

    private mutating func text() -> Event {
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
        return .text(Self.decodeEntities(bytes[start..<position]))
    }

    private mutating func startTag() -> Event? {
        position += 1
        let name = self.name()
        guard !name.isEmpty else { return nil }
        var attributes: [Attribute] = []
        while true {
            skipSpaces()
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: ">"):
                position += 1
                return .start(name: name, attributes: attributes, selfClosing: false)
            case UInt8(ascii: "/"):
                guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else { return nil }
                position += 2
                return .start(name: name, attributes: attributes, selfClosing: true)
            default:
                let attributeName = self.name()
                skipSpaces()
                guard !attributeName.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                    return nil
                }
                position += 1
                skipSpaces()
                guard position < bytes.count else { return nil }
                let quote = bytes[position]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
                position += 1
                let start = position
                while position < bytes.count, bytes[position] != quote { position += 1 }
                guard position < bytes.count else { return nil }
                attributes.append(Attribute(name: attributeName, value: Self.decodeEntities(bytes[start..<position])))
                position += 1
            }
        }
    }

    private mutating func name() -> String {
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "<"):
                return String(decoding: bytes[start..<position], as: UTF8.self)
            default:
                position += 1
            }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func skipSpaces() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    /// Skips `<!DOCTYPE …>` including an internal subset in brackets.
    private mutating func skipDeclaration() -> Bool {
        var depth = 0
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0:
                position += 1
                return true
            default: break
            }
            position += 1
        }
        return false
    }

    private func starts(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { wanted in
            (0..<count).allSatisfy { bytes[position + $0] == wanted[$0] }
        }
    }

    /// Moves past the next occurrence of `literal`; false (at the end) if there is none.
    private mutating func skip(past literal: StaticString) -> Bool {
        while position < bytes.count {
            if starts(with: literal) {
                position += literal.utf8CodeUnitCount
                return true
            }
            position += 1
        }
        return false
    }

    /// Decodes `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and `&#…;` references; anything else stays as written.
    static func decodeEntities(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            guard byte == UInt8(ascii: "&"),
                let end = raw[index...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
            else {
                output.append(byte)
                index += 1
                continue
            }
            let entity = String(decoding: raw[(index + 1)..<end], as: UTF8.self)
            if let replacement = replacement(for: entity) {
                output.append(contentsOf: replacement.utf8)
                index = end + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func replacement(for entity: String) -> String? {
        switch entity {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
    }
}
