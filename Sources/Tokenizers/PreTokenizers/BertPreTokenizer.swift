/// Splits on whitespace (dropped) and isolates every punctuation character, as BERT does.
struct BertPreTokenizer: PreTokenizer {
    func split(_ pieces: [String]) -> [String] {
        var words: [String] = []
        for piece in pieces {
            var current = String.UnicodeScalarView()
            func flush() {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
            }
            for scalar in piece.unicodeScalars {
                if UnicodeClasses.isWhitespace(scalar) {
                    flush()
                } else if UnicodeClasses.isBertPunctuation(scalar) {
                    flush()
                    words.append(String(scalar))
                } else {
                    current.append(scalar)
                }
            }
            flush()
        }
        return words
    }
}

/// Splits on whitespace only.
struct WhitespaceSplitPreTokenizer: PreTokenizer {
    func split(_ pieces: [String]) -> [String] {
        pieces.flatMap { piece in
            piece.unicodeScalars
                .split(whereSeparator: UnicodeClasses.isWhitespace)
                .map { String(String.UnicodeScalarView($0)) }
        }
    }
}
