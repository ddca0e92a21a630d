public import ViewfinderCore

/// The SQL LIKE form of a ``TextPattern``: `%` for a wildcard, and `%`, `_` and `\` escaped with `\`.
public enum LikePattern {
    /// The LIKE pattern text of `pattern`.
    public static func text(_ pattern: TextPattern) -> String {
        var text = ""
        for element in pattern.elements {
            switch element {
            case .anyRun: text.append("%")
            case .character(let character):
                if character == "%" || character == "_" || character == "\\" { text.append("\\") }
                text.append(character)
            }
        }
        return text
    }
}
