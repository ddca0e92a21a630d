/// Splits on whitespace (dropped) and isolates every punctuation character, as BERT does.
struct BertPreTokenizer: PiecewisePreTokenizer {
    func split(_ piece: TextPiece, into output: inout [TextPiece]) {
        var words: [TextPiece] = []
        SplitBehavior.removed.split(piece, at: piece.scalars.scalarMatches(where: UnicodeClasses.isWhitespace), into: &words)
        for word in words {
            SplitBehavior.isolated.split(word, at: word.scalars.scalarMatches(where: UnicodeClasses.isBertPunctuation), into: &output)
        }
    }
}

/// Keeps runs of word characters and runs of other non-space characters (`\w+|[^\w\s]+`, Rust's classes).
struct WhitespacePreTokenizer: PiecewisePreTokenizer {
    func split(_ piece: TextPiece, into output: inout [TextPiece]) {
        SplitBehavior.removed.split(piece, at: ScannedPatterns.wordsOrSymbols(piece.scalars, isWord: UnicodeClasses.isRustWordCharacter), invert: true, into: &output)
    }
}

/// Splits on whitespace only.
struct WhitespaceSplitPreTokenizer: PiecewisePreTokenizer {
    func split(_ piece: TextPiece, into output: inout [TextPiece]) {
        SplitBehavior.removed.split(piece, at: piece.scalars.scalarMatches(where: UnicodeClasses.isWhitespace), into: &output)
    }
}

/// Splits at punctuation characters with a configurable behaviour.
struct PunctuationPreTokenizer: PiecewisePreTokenizer {
    let behavior: SplitBehavior

    func split(_ piece: TextPiece, into output: inout [TextPiece]) {
        behavior.split(piece, at: piece.scalars.scalarMatches(where: UnicodeClasses.isBertPunctuation), into: &output)
    }
}

/// Splits digits from the rest, one by one or in runs.
struct DigitsPreTokenizer: PiecewisePreTokenizer {
    let individualDigits: Bool

    func split(_ piece: TextPiece, into output: inout [TextPiece]) {
        let matches = piece.scalars.scalarMatches(where: UnicodeClasses.isNumeric)
        (individualDigits ? SplitBehavior.isolated : .contiguous).split(piece, at: matches, into: &output)
    }
}

/// Splits with a pattern and behaviour; `invert` swaps matches and the text between them.
struct SplitPreTokenizer: PiecewisePreTokenizer {
    let pattern: Pattern
    let behavior: SplitBehavior
    let invert: Bool

    func split(_ piece: TextPiece, into output: inout [TextPiece]) {
        behavior.split(piece, at: pattern.matches(in: piece.scalars), invert: invert, into: &output)
    }
}
