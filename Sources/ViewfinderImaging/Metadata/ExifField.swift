import Foundation

/// One EXIF entry as libvips exposes it in an `exif-ifdN-Name` header string.
///
/// libvips renders every entry as `VALUES (TEXT, FORMAT, N components, M bytes)`: VALUES are the
/// raw numbers for integer and rational entries with fewer than ten components (`400 `,
/// `33/1 52/1 192/25 `), otherwise libexif's TEXT again; TEXT is libexif's human rendering
/// (`f/4.0`, `Sea level`, the ASCII string itself). Parsing keeps both, so callers use the raw
/// numbers where they exist and the text otherwise. Never throws: anything unexpected yields
/// an entry with fewer usable parts.
public struct ExifField: Sendable, Hashable {
    /// EXIF value formats, as libexif names them.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case byte = "Byte", ascii = "ASCII", short = "Short", long = "Long", rational = "Rational"
        case signedByte = "SByte", undefined = "Undefined", signedShort = "SShort", signedLong = "SLong"
        case signedRational = "SRational", float = "Float", double = "Double"

        /// Whether libvips writes raw numbers (rather than text) for entries of this format.
        var hasRawNumbers: Bool {
            switch self {
            case .short, .long, .signedShort, .signedLong, .rational, .signedRational: true
            default: false
            }
        }
    }

    /// The part before the parenthesis: raw numbers, or the text again.
    public let raw: String
    /// libexif's rendering of the value.
    public let text: String
    /// The stored format, when the string has libvips' suffix.
    public let format: Format?
    /// The number of components, when the string has libvips' suffix.
    public let components: Int?

    /// Splits a libvips EXIF string; a string without libvips' suffix is taken as a plain value.
    public init(parsing field: String) {
        guard let suffix = Self.suffix(of: field) else {
            raw = field.trimmingTrailingNULsAndSpaces()
            text = raw
            format = nil
            components = nil
            return
        }
        format = suffix.format
        components = suffix.components
        let body = field[..<suffix.start]  // "VALUES (TEXT"
        let split = Self.split(body, rawIsText: !(suffix.format?.hasRawNumbers ?? false))
        raw = String(split.raw).trimmingTrailingNULsAndSpaces()
        text = String(split.text).trimmingTrailingNULsAndSpaces()
    }

    /// The entry as a string: the text for ASCII entries, trimmed; nil when empty.
    public var string: String? {
        let value = (format == .ascii || format == nil ? raw : text)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// The integer components (Short, Long and their signed forms), or of a bare number.
    public var integers: [Int] {
        guard format?.hasRawNumbers ?? true else { return [] }
        return raw.split(separator: " ").compactMap { Int($0) }
    }

    /// The rational components as numbers; a zero denominator makes a component unusable (nil).
    public var rationals: [Double?] {
        guard format == .rational || format == .signedRational || format == nil else { return [] }
        return raw.split(separator: " ").map(Self.rational)
    }

    /// The rational components as (numerator, denominator) pairs.
    public var fractions: [(numerator: Int, denominator: Int)] {
        raw.split(separator: " ").compactMap { token in
            let parts = token.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]) else { return nil }
            return (n, d)
        }
    }

    /// The first component as a number: a rational, an integer or a decimal.
    public var number: Double? {
        if let first = rationals.first { return first }
        if let first = integers.first { return Double(first) }
        return Double(raw.split(separator: " ").first ?? "")
    }

    static func rational(_ token: Substring) -> Double? {
        let parts = token.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1 { return Double(parts[0]).flatMap { $0.isFinite ? $0 : nil } }
        guard parts.count == 2, let numerator = Double(parts[0]), let denominator = Double(parts[1]), denominator != 0
        else { return nil }
        let value = numerator / denominator
        return value.isFinite ? value : nil
    }

    /// Finds `, FORMAT, N components, M bytes)` at the end; `start` is where ", FORMAT" begins.
    private static func suffix(of field: String) -> (start: String.Index, format: Format?, components: Int)? {
        guard field.hasSuffix(" bytes)") else { return nil }
        var cursor = field.endIndex
        var parts: [Substring] = []
        // Walk back over three ", " separators: bytes, components and format.
        for _ in 0..<3 {
            guard let separator = field.range(of: ", ", options: .backwards, range: field.startIndex..<cursor) else {
                return nil
            }
            parts.append(field[separator.upperBound..<cursor])
            cursor = separator.lowerBound
        }
        let componentsText = parts[1]
        guard componentsText.hasSuffix(" components"),
            let components = Int(componentsText.dropLast(" components".count))
        else { return nil }
        return (cursor, Format(rawValue: String(parts[2])), components)
    }

    /// Splits "VALUES (TEXT" where either side may itself contain " (".
    private static func split(_ body: Substring, rawIsText: Bool) -> (raw: Substring, text: Substring) {
        let separators = body.ranges(of: " (")
        guard let first = separators.first else { return (body, body) }
        if rawIsText {
            // libvips wrote the text twice: "TEXT (TEXT"; find the separator that splits it evenly.
            for separator in separators where body[..<separator.lowerBound] == body[separator.upperBound...] {
                return (body[..<separator.lowerBound], body[separator.upperBound...])
            }
        }
        return (body[..<first.lowerBound], body[first.upperBound...])
    }
}

extension String {
    /// Drops trailing spaces and NUL characters (EXIF strings are often padded with either).
    func trimmingTrailingNULsAndSpaces() -> String {
        var end = endIndex
        while end > startIndex {
            let previous = index(before: end)
            guard self[previous] == " " || self[previous] == "\0" else { break }
            end = previous
        }
        return String(self[..<end])
    }
}
