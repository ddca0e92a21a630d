/// The `pattern` of Replace and Split: a literal string or a regular expression.
enum Pattern: Sendable {
    case literal([Unicode.Scalar])
    case regex(RegexMatcher)

    /// Reads `{"String": ...}` or `{"Regex": ...}`.
    init(_ json: JSONValue?, in component: String) throws(TokenizerError) {
        if let literal = json?["String"]?.string {
            self = .literal(Array(literal.unicodeScalars))
        } else if let regex = json?["Regex"]?.string {
            self = .regex(try RegexMatcher(pattern: regex))
        } else if let literal = json?.string {
            self = .literal(Array(literal.unicodeScalars))
        } else {
            throw .missing("pattern", in: component)
        }
    }

    /// Non-overlapping matches, left to right, as scalar index ranges.
    func matches(in text: [Unicode.Scalar]) -> [Range<Int>] {
        switch self {
        case .literal(let needle): return Self.literalMatches(of: needle, in: text)
        case .regex(let matcher): return matcher.matches(in: text)
        }
    }

    private static func literalMatches(of needle: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= text.count else { return [] }
        var matches: [Range<Int>] = []
        var index = 0
        let first = needle[0]
        while index + needle.count <= text.count {
            if text[index] == first && text[index..<(index + needle.count)].elementsEqual(needle) {
                matches.append(index..<(index + needle.count))
                index += needle.count
            } else {
                index += 1
            }
        }
        return matches
    }
}
