/// A pattern over text: literal characters and wildcards that match any run of characters (also `/`).
///
/// Filters describe their text conditions with it; the in-memory matcher here is the reference meaning that every
/// storage backend's translation must agree with. Characters compare exactly (callers lowercase both sides).
public struct TextPattern: Sendable, Equatable {
    /// One piece of a pattern.
    public enum Element: Sendable, Equatable {
        /// This character, exactly.
        case character(Character)
        /// Any run of characters, the empty run included.
        case anyRun
    }

    /// The pieces, in order.
    public var elements: [Element]

    /// Creates a pattern from its pieces.
    public init(_ elements: [Element]) { self.elements = elements }

    /// `text` with every `*` turned into a wildcard.
    public static func glob(_ text: String) -> TextPattern {
        TextPattern(text.map { $0 == "*" ? .anyRun : .character($0) })
    }

    /// `text` taken literally (a `*` is just a character).
    public static func literal(_ text: String) -> TextPattern {
        TextPattern(text.map(Element.character))
    }

    /// Text that contains `text` anywhere.
    public static func substring(_ text: String) -> TextPattern {
        TextPattern([.anyRun] + literal(text).elements + [.anyRun])
    }

    /// One lowercase substring pattern per non-empty `|` alternative of `text`.
    public static func substringAlternatives(_ text: String?) -> [TextPattern] {
        guard let text else { return [] }
        return text.lowercased().split(separator: "|").map { String($0).trimmingBlanks }
            .filter { !$0.isEmpty }.map(substring)
    }

    /// The pattern `left` followed by `right`.
    public static func + (left: TextPattern, right: TextPattern) -> TextPattern {
        TextPattern(left.elements + right.elements)
    }

    /// Whether the whole of `text` matches the pattern.
    public func matches(_ text: String) -> Bool {
        let characters = Array(text)
        // Classic wildcard matching with backtracking to the last wildcard.
        var t = 0, p = 0, star = -1, mark = 0
        while t < characters.count {
            if p < elements.count, case .character(let character) = elements[p], character == characters[t] {
                t += 1; p += 1
            } else if p < elements.count, elements[p] == .anyRun {
                star = p; mark = t; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < elements.count, elements[p] == .anyRun { p += 1 }
        return p == elements.count
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
