/// Replaces every match of a pattern with fixed content.
struct ReplaceNormalizer: Normalizer {
    let pattern: Pattern
    let content: [Unicode.Scalar]

    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let matches = pattern.matches(in: text)
        guard !matches.isEmpty else { return text }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.count)
        var position = 0
        for match in matches {
            result.append(contentsOf: text[position..<match.lowerBound])
            result.append(contentsOf: content)
            position = match.upperBound
        }
        result.append(contentsOf: text[position...])
        return result
    }
}

/// Removes whitespace at the start and/or end.
struct StripNormalizer: Normalizer {
    let left: Bool
    let right: Bool

    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var start = 0, end = text.count
        if left { while start < end && UnicodeClasses.isWhitespace(text[start]) { start += 1 } }
        if right { while end > start && UnicodeClasses.isWhitespace(text[end - 1]) { end -= 1 } }
        return start == 0 && end == text.count ? text : Array(text[start..<end])
    }
}

/// Puts a prefix before non-empty text.
struct PrependNormalizer: Normalizer {
    let prefix: [Unicode.Scalar]

    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        text.isEmpty ? text : prefix + text
    }
}

/// Maps every UTF-8 byte to its printable stand-in, as the ByteLevel pre-tokenizer does.
struct ByteLevelNormalizer: Normalizer {
    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        ByteLevelAlphabet.map(text)
    }
}
