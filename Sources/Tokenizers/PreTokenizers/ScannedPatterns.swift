/// Hand-written scanners for the regular expressions that real tokenizers use.
enum ScannedPatterns {
    /// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+` (GPT-2 and ByteLevel).
    static func gpt2(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var matches: [Range<Int>] = []
        let count = text.count
        var index = 0
        while index < count {
            if let end = contraction(text, at: index) {
                matches.append(index..<end)
                index = end
                continue
            }
            var start = index
            if text[index] == " " && index + 1 < count && !UnicodeClasses.isWhitespace(text[index + 1]) {
                start = index + 1
            }
            let first = text[start]
            if !UnicodeClasses.isWhitespace(first) {
                let end: Int
                if UnicodeClasses.isLetter(first) {
                    end = run(text, from: start, where: UnicodeClasses.isLetter)
                } else if UnicodeClasses.isNumber(first) {
                    end = run(text, from: start, where: UnicodeClasses.isNumber)
                } else {
                    end = run(text, from: start, where: isOther)
                }
                matches.append(index..<end)
                index = end
                continue
            }
            // Whitespace: leave the last one for the next word unless the run ends the text.
            let end = run(text, from: index, where: UnicodeClasses.isWhitespace)
            if end < count && end - index > 1 {
                matches.append(index..<(end - 1))
                index = end - 1
            } else {
                matches.append(index..<end)
                index = end
            }
        }
        return matches
    }

    /// `'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+` (CLIP).
    static func clip(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var matches: [Range<Int>] = []
        var index = 0
        while index < text.count {
            if let end = contraction(text, at: index) {
                matches.append(index..<end)
                index = end
                continue
            }
            let scalar = text[index]
            if UnicodeClasses.isLetter(scalar) {
                let end = run(text, from: index, where: UnicodeClasses.isLetter)
                matches.append(index..<end)
                index = end
            } else if UnicodeClasses.isNumber(scalar) {
                matches.append(index..<(index + 1))
                index += 1
            } else if !UnicodeClasses.isWhitespace(scalar) {
                let end = run(text, from: index, where: isOther)
                matches.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return matches
    }

    /// `\w+|[^\w\s]+`, with `isWord` deciding `\w`.
    static func wordsOrSymbols(_ text: [Unicode.Scalar], isWord: (Unicode.Scalar) -> Bool) -> [Range<Int>] {
        var matches: [Range<Int>] = []
        var index = 0
        while index < text.count {
            let scalar = text[index]
            if isWord(scalar) {
                let end = run(text, from: index, where: isWord)
                matches.append(index..<end)
                index = end
            } else if !UnicodeClasses.isWhitespace(scalar) {
                let end = run(text, from: index) { !isWord($0) && !UnicodeClasses.isWhitespace($0) }
                matches.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return matches
    }

    /// Maximal runs of at least `minimum` scalars satisfying `predicate`.
    static func runs(_ text: [Unicode.Scalar], minimum: Int, where predicate: (Unicode.Scalar) -> Bool) -> [Range<Int>] {
        var matches: [Range<Int>] = []
        var index = 0
        while index < text.count {
            if predicate(text[index]) {
                let end = run(text, from: index, where: predicate)
                if end - index >= minimum { matches.append(index..<end) }
                index = end
            } else {
                index += 1
            }
        }
        return matches
    }

    /// The end of `'s`, `'t`, `'re`, `'ve`, `'m`, `'ll` or `'d` at `index`, if one starts there.
    @inline(__always)
    private static func contraction(_ text: [Unicode.Scalar], at index: Int) -> Int? {
        guard text[index] == "'", index + 1 < text.count else { return nil }
        switch text[index + 1] {
        case "s", "t", "m", "d": return index + 2
        case "r", "v":
            return index + 2 < text.count && text[index + 2] == "e" ? index + 3 : nil
        case "l":
            return index + 2 < text.count && text[index + 2] == "l" ? index + 3 : nil
        default: return nil
        }
    }

    @inline(__always)
    private static func isOther(_ scalar: Unicode.Scalar) -> Bool {
        !UnicodeClasses.isWhitespace(scalar) && !UnicodeClasses.isLetter(scalar) && !UnicodeClasses.isNumber(scalar)
    }

    @inline(__always)
    private static func run(_ text: [Unicode.Scalar], from start: Int, where predicate: (Unicode.Scalar) -> Bool) -> Int {
        var end = start
        while end < text.count && predicate(text[end]) { end += 1 }
        return end
    }
}
