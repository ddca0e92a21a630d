import Foundation

/// Parses the value of one search field; every error names the field and what it expects.
struct SearchValueParser {
    /// The field being parsed, as the user wrote it.
    let field: String

    private func invalid(_ value: String, _ expected: String) -> ViewfinderError {
        let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
        return ViewfinderError(.invalidInput, "\(field) must be \(expected), not '\(shown)'")
    }

    /// The non-empty `|` alternatives of `value`.
    func alternatives(_ value: String) throws(ViewfinderError) -> [String] {
        let parts = value.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingBlanks }
        guard !parts.contains(where: \.isEmpty) else { throw invalid(value, "a list of values separated by |") }
        return parts
    }

    /// An integer within `range`.
    func integer(_ value: String, in range: ClosedRange<Int>) throws(ViewfinderError) -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw invalid(value, "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// `|`-separated integers, each within `range`.
    func integers(_ value: String, in range: ClosedRange<Int>) throws(ViewfinderError) -> [Int] {
        var numbers: [Int] = []
        for part in try alternatives(value) { numbers.append(try integer(part, in: range)) }
        return numbers
    }

    /// A finite number within `range`.
    func number(_ value: String, in range: ClosedRange<Double>) throws(ViewfinderError) -> Double {
        guard let number = Double(value), number.isFinite, range.contains(number) else {
            throw invalid(value, "a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))")
        }
        return number
    }

    /// `N` or `LOW-HIGH` whole numbers.
    func integerRange(_ value: String, in range: ClosedRange<Int>) throws(ViewfinderError) -> ClosedRange<Int> {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let expected = "a whole number or a range like 100-800, within \(range.lowerBound)-\(range.upperBound)"
        guard parts.count <= 2, let low = Int(parts[0]), range.contains(low) else { throw invalid(value, expected) }
        guard parts.count == 2 else { return low...low }
        guard let high = Int(parts[1]), range.contains(high), low <= high else { throw invalid(value, expected) }
        return low...high
    }

    /// `N` or `LOW-HIGH` numbers.
    func numberRange(_ value: String, in range: ClosedRange<Double>) throws(ViewfinderError) -> ClosedRange<Double> {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let expected = "a number or a range like 2.8-5.6"
        guard parts.count <= 2, let low = Double(parts[0]), low.isFinite, range.contains(low) else {
            throw invalid(value, expected)
        }
        guard parts.count == 2 else { return low...low }
        guard let high = Double(parts[1]), high.isFinite, range.contains(high), low <= high else {
            throw invalid(value, expected)
        }
        return low...high
    }

    /// `true`/`false` (also `yes`/`no`, `1`/`0`).
    func bool(_ value: String) throws(ViewfinderError) -> Bool {
        switch value.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: throw invalid(value, "true or false")
        }
    }

    /// A day (`2021-05-01`, midnight UTC) or an ISO 8601 instant (`2021-05-01T10:00:00Z`).
    func date(_ value: String) throws(ViewfinderError) -> Date {
        let expected = "a date like 2021-05-01 or 2021-05-01T10:00:00Z"
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        {
            guard let date = UTCCalendar.date(year: year, month: month, day: day) else { throw invalid(value, expected) }
            return date
        }
        guard let date = try? Date(value, strategy: .iso8601) else { throw invalid(value, expected) }
        return date
    }

    /// `N,E,S,W` degrees.
    func box(_ value: String) throws(ViewfinderError) -> GeoBox {
        let expected = "north,east,south,west in degrees, e.g. 48.2,16.5,48.1,16.3"
        let numbers = value.split(separator: ",", omittingEmptySubsequences: false).compactMap { Double(String($0).trimmingBlanks) }
        guard numbers.count == 4, numbers.allSatisfy(\.isFinite) else { throw invalid(value, expected) }
        let (north, east, south, west) = (numbers[0], numbers[1], numbers[2], numbers[3])
        guard (-90...90).contains(north), (-90...90).contains(south), (-180...180).contains(east),
            (-180...180).contains(west), north >= south
        else { throw invalid(value, expected + " (north not below south)") }
        return GeoBox(north: north, east: east, south: south, west: west)
    }

    /// Path or name patterns, `|`-separated; `*` is a wildcard.
    func patterns(_ value: String) throws(ViewfinderError) -> [String] {
        let parts = try alternatives(value)
        guard !parts.contains(where: { $0.trimmingSlashes.isEmpty }) else { throw invalid(value, "a folder or file name") }
        return parts
    }

    /// MIME types (`image/jpeg`), families (`image`) or image subtypes (`jpeg`, `png`, `heic`).
    func mediaTypes(_ value: String) throws(ViewfinderError) -> [String] {
        let aliases = ["jpg": "jpeg", "tif": "tiff", "heif": "heic"]
        let families: Set<String> = ["image", "video", "audio"]
        var types: [String] = []
        for part in try alternatives(value).map({ $0.lowercased() }) {
            guard part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "./+-".contains($0)) }),
                part.split(separator: "/", omittingEmptySubsequences: false).count <= 2
            else { throw invalid(value, "a MIME type (image/jpeg), a family (image) or a format (jpeg|png)") }
            if part.contains("/") { types.append(part) }
            else if families.contains(part) { types.append(part + "/") }
            else { types.append("image/" + (aliases[part] ?? part)) }
        }
        return types
    }

    /// Keyword text; it must contain at least one letter or digit.
    func keywords(_ value: String) throws(ViewfinderError) -> String {
        guard !KeywordTerms.terms(in: value).isEmpty else { throw invalid(value, "words of letters or digits") }
        return value
    }

    /// A photo uid: letters and digits, at most 64.
    func uid(_ value: String) throws(ViewfinderError) -> String {
        guard value.count <= 64, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw invalid(value, "a photo uid (letters and digits)")
        }
        return value
    }

    /// One of `Choice`'s raw values (lowercase), e.g. a ``SearchOrder``.
    func choice<Choice: RawRepresentable & CaseIterable>(_ value: String, of _: Choice.Type) throws(ViewfinderError) -> Choice
    where Choice.RawValue == String {
        guard let choice = Choice(rawValue: value.lowercased()) else {
            throw invalid(value, "one of " + Choice.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return choice
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
