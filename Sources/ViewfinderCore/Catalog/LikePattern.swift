/// SQL LIKE patterns built from user text, and the in-memory matcher that gives them their reference meaning.
///
/// Patterns escape `%`, `_` and `\` with `\`; `%` matches any run of characters (also `/`).
public enum LikePattern {
    /// `text` with LIKE wildcards escaped and `*` turned into `%`.
    public static func glob(_ text: String) -> String {
        var pattern = ""
        for character in text {
            switch character {
            case "*": pattern.append("%")
            case "%", "_", "\\": pattern.append("\\"); pattern.append(character)
            default: pattern.append(character)
            }
        }
        return pattern
    }

    /// `text` with every LIKE wildcard escaped (a `*` stays literal).
    public static func literal(_ text: String) -> String {
        var pattern = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern
    }

    /// One lowercase `%…%` pattern per non-empty `|` alternative of `text`.
    public static func substringPatterns(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.lowercased().split(separator: "|").map { String($0).trimmingBlanks }
            .filter { !$0.isEmpty }.map { "%" + literal($0) + "%" }
    }

    /// Whether `text` matches the LIKE `pattern` (with `\` escapes), comparing characters exactly.
    public static func matches(_ text: String, pattern: String) -> Bool {
        // Tokens: nil is `%`, a character is itself (`_` never appears unescaped in our patterns).
        var tokens: [Character?] = []
        var escaping = false
        for character in pattern {
            if escaping { tokens.append(character); escaping = false }
            else if character == "\\" { escaping = true }
            else if character == "%" { tokens.append(nil) }
            else { tokens.append(character) }
        }
        let characters = Array(text)
        // Classic wildcard matching with backtracking to the last `%`.
        var t = 0, p = 0, star = -1, mark = 0
        while t < characters.count {
            if p < tokens.count, let token = tokens[p], token == characters[t] {
                t += 1; p += 1
            } else if p < tokens.count, tokens[p] == nil {
                star = p; mark = t; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < tokens.count, tokens[p] == nil { p += 1 }
        return p == tokens.count
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
