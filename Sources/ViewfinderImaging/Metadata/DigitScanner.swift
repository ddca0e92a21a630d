/// A cursor over a string for fixed-width date fields: numbers of exact digit counts and separators.
struct DigitScanner {
    private let text: Substring
    private var position: Substring.Index

    init(_ text: String) {
        self.text = Substring(text)
        position = self.text.startIndex
    }

    /// What has not been consumed.
    var rest: Substring { text[position...] }

    /// Reads exactly `digits` ASCII digits as a number.
    mutating func number(digits: Int) -> Int? {
        var value = 0
        var cursor = position
        for _ in 0..<digits {
            guard cursor < text.endIndex, let digit = text[cursor].asciiDigit else { return nil }
            value = value * 10 + digit
            cursor = text.index(after: cursor)
        }
        position = cursor
        return value
    }

    /// Reads one or more ASCII digits.
    mutating func digitRun() -> Substring? {
        let start = position
        while position < text.endIndex, text[position].asciiDigit != nil { position = text.index(after: position) }
        return position > start ? text[start..<position] : nil
    }

    /// The whole remaining text if it is all digits.
    func wholeDigits() -> Substring? {
        let remaining = rest
        return !remaining.isEmpty && remaining.allSatisfy({ $0.asciiDigit != nil }) ? remaining : nil
    }

    /// Skips one character from `characters`; false (and nothing consumed) if the next is not one of them.
    mutating func skip(oneOf characters: String) -> Bool {
        guard position < text.endIndex, characters.contains(text[position]) else { return false }
        position = text.index(after: position)
        return true
    }
}

extension Character {
    /// 0...9 for an ASCII digit, else nil (other Unicode digits do not count).
    var asciiDigit: Int? {
        guard let ascii = asciiValue, (48...57).contains(ascii) else { return nil }
        return Int(ascii - 48)
    }
}
