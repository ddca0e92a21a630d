/// GPT-2's byte-level pre-tokenizer: optional leading space, GPT-2's split, bytes as printable scalars.
struct ByteLevelPreTokenizer: PiecewisePreTokenizer {
    let addPrefixSpace: Bool
    let useRegex: Bool

    func split(_ piece: TextPiece, into output: inout [TextPiece]) {
        var piece = piece
        if addPrefixSpace && !piece.scalars.isEmpty && piece.scalars[0] != " " {
            piece.scalars.insert(" ", at: 0)
        }
        guard !piece.scalars.isEmpty else { return }
        var parts: [TextPiece] = []
        if useRegex {
            SplitBehavior.isolated.split(piece, at: ScannedPatterns.gpt2(piece.scalars), into: &parts)
        } else {
            parts = [piece]
        }
        for part in parts {
            output.append(TextPiece(scalars: ByteLevelAlphabet.map(part.scalars), startsText: part.startsText))
        }
    }
}
