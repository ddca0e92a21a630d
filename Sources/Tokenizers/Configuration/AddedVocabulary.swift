/// Finds added tokens in text, as Hugging Face's `AddedVocabulary` does: tokens that are not
/// normalised are matched in the raw text, the others in each normalised remainder.
struct AddedVocabulary: Sendable {
    /// A stretch of text: an added token's id, or text for the normal pipeline.
    enum Segment {
        case token(Int)
        case text(TextPiece)
    }

    private let tokens: [AddedToken]
    private let raw: TokenMatcher
    private let normalized: TokenMatcher

    init(_ tokens: [AddedToken], normalizer: (any Normalizer)?) {
        self.tokens = tokens
        raw = TokenMatcher(tokens.filter { !$0.isNormalized }.map { (Array($0.content.unicodeScalars), $0) })
        normalized = TokenMatcher(tokens.filter(\.isNormalized).map { token in
            let content = Array(token.content.unicodeScalars)
            return (normalizer?.normalize(content) ?? content, token)
        })
    }

    /// The id of the added token with exactly this content.
    func id(of content: String) -> Int? {
        tokens.first { $0.content.unicodeScalars.elementsEqual(content.unicodeScalars) }?.id
    }

    /// Splits raw text at tokens that are matched before normalisation.
    func splitRaw(_ piece: TextPiece) -> [Segment] { raw.split(piece) }

    /// Splits normalised text at tokens that are matched after normalisation.
    func splitNormalized(_ piece: TextPiece) -> [Segment] { normalized.split(piece) }
}

/// Leftmost-longest matching of a set of token patterns, with `single_word`, `lstrip` and `rstrip`.
struct TokenMatcher: Sendable {
    private let patternsByFirstScalar: [Unicode.Scalar: [(pattern: [Unicode.Scalar], token: AddedToken)]]

    init(_ patterns: [([Unicode.Scalar], AddedToken)]) {
        var byFirst: [Unicode.Scalar: [(pattern: [Unicode.Scalar], token: AddedToken)]] = [:]
        for (pattern, token) in patterns {
            guard let first = pattern.first else { continue }
            byFirst[first, default: []].append((pattern, token))
        }
        // Longest first; among equal lengths the first declared wins.
        patternsByFirstScalar = byFirst.mapValues { list in
            list.enumerated().sorted { a, b in
                a.element.pattern.count != b.element.pattern.count
                    ? a.element.pattern.count > b.element.pattern.count : a.offset < b.offset
            }.map(\.element)
        }
    }

    func split(_ piece: TextPiece) -> [AddedVocabulary.Segment] {
        let text = piece.scalars
        guard !patternsByFirstScalar.isEmpty, !text.isEmpty else { return [.text(piece)] }
        var segments: [AddedVocabulary.Segment] = []
        var consumed = 0
        var index = 0
        func emitText(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            segments.append(.text(TextPiece(
                scalars: Array(text[range]), startsText: piece.startsText && range.lowerBound == 0)))
        }
        while index < text.count {
            guard let candidates = patternsByFirstScalar[text[index]],
                let found = candidates.first(where: { index + $0.pattern.count <= text.count
                    && text[index..<(index + $0.pattern.count)].elementsEqual($0.pattern) })
            else {
                index += 1
                continue
            }
            var start = index
            var stop = index + found.pattern.count
            index = stop
            let token = found.token
            if token.singleWord {
                let wordBefore = start > 0 && UnicodeClasses.isRustWordCharacter(text[start - 1])
                let wordAfter = stop < text.count && UnicodeClasses.isRustWordCharacter(text[stop])
                if wordBefore || wordAfter { continue }
            }
            if token.leftStrip {
                var newStart = start
                while newStart > 0 && UnicodeClasses.isWhitespace(text[newStart - 1]) { newStart -= 1 }
                start = max(newStart, consumed)
            }
            if token.rightStrip {
                while stop < text.count && UnicodeClasses.isWhitespace(text[stop]) { stop += 1 }
            }
            if consumed < start { emitText(consumed..<start) }
            segments.append(.token(token.id))
            consumed = stop
        }
        if consumed < text.count { emitText(consumed..<text.count) }
        return segments
    }
}
