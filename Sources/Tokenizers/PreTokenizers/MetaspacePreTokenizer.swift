/// SentencePiece-style spaces: ' ' becomes `▁`, a `▁` may be prepended, and words start at each `▁`.
struct MetaspacePreTokenizer: PiecewisePreTokenizer {
    /// When a `▁` is put before the text.
    enum PrependScheme: String, Sendable {
        case always, first, never
    }

    let replacement: Unicode.Scalar
    let prependScheme: PrependScheme
    let splits: Bool

    init(_ json: JSONValue) throws(TokenizerError) {
        let replacement = json["replacement"]?.string ?? json["str_rep"]?.string ?? "\u{2581}"
        guard replacement.unicodeScalars.count == 1, let scalar = replacement.unicodeScalars.first else {
            throw TokenizerError(.invalidFile, "Metaspace: replacement must be a single character, not '\(replacement)'")
        }
        self.replacement = scalar
        if let name = json["prepend_scheme"]?.string {
            guard let scheme = PrependScheme(rawValue: name) else { throw .unsupported("Metaspace prepend_scheme", name) }
            self.prependScheme = scheme
        } else {
            self.prependScheme = (json["add_prefix_space"]?.bool ?? true) ? .always : .never
        }
        self.splits = json["split"]?.bool ?? true
    }

    func split(_ piece: TextPiece, into output: inout [TextPiece]) {
        var scalars = piece.scalars
        for index in scalars.indices where scalars[index] == " " { scalars[index] = replacement }
        if !scalars.isEmpty && scalars[0] != replacement {
            switch prependScheme {
            case .always: scalars.insert(replacement, at: 0)
            case .first where piece.startsText: scalars.insert(replacement, at: 0)
            default: break
            }
        }
        let replaced = TextPiece(scalars: scalars, startsText: piece.startsText)
        guard splits else {
            if !scalars.isEmpty { output.append(replaced) }
            return
        }
        let marker = replacement
        SplitBehavior.mergedWithNext.split(replaced, at: scalars.scalarMatches { $0 == marker }, into: &output)
    }
}
