/// Splits normalised text into words that the model tokenizes separately.
protocol PreTokenizer: Sendable {
    /// Splits each piece further; pieces are processed in order and empty results dropped.
    func split(_ pieces: [TextPiece]) -> [TextPiece]
}

/// A pre-tokenizer that splits each piece on its own.
protocol PiecewisePreTokenizer: PreTokenizer {
    /// Appends the parts of `piece` to `output`.
    func split(_ piece: TextPiece, into output: inout [TextPiece])
}

extension PiecewisePreTokenizer {
    func split(_ pieces: [TextPiece]) -> [TextPiece] {
        var output: [TextPiece] = []
        output.reserveCapacity(pieces.count * 4)
        for piece in pieces { split(piece, into: &output) }
        return output
    }
}

/// Builds pre-tokenizers from their `tokenizer.json` description.
enum PreTokenizerFactory {
    /// The pre-tokenizer described by `json`, or nil for JSON `null`.
    static func make(_ json: JSONValue?) throws(TokenizerError) -> (any PreTokenizer)? {
        guard let json, !json.isNull else { return nil }
        guard let type = json["type"]?.string else { throw .missing("type", in: "pre_tokenizer") }
        switch type {
        case "BertPreTokenizer":
            return BertPreTokenizer()
        case "Whitespace":
            return WhitespacePreTokenizer()
        case "WhitespaceSplit":
            return WhitespaceSplitPreTokenizer()
        case "Punctuation":
            return PunctuationPreTokenizer(behavior: try SplitBehavior(json["behavior"], fallback: .isolated, in: type))
        case "Digits":
            return DigitsPreTokenizer(individualDigits: json["individual_digits"]?.bool ?? false)
        case "Metaspace":
            return try MetaspacePreTokenizer(json)
        case "ByteLevel":
            return ByteLevelPreTokenizer(
                addPrefixSpace: json["add_prefix_space"]?.bool ?? true, useRegex: json["use_regex"]?.bool ?? true)
        case "Split":
            return SplitPreTokenizer(
                pattern: try Pattern(json["pattern"], in: type),
                behavior: try SplitBehavior(json["behavior"], fallback: .removed, in: type),
                invert: json["invert"]?.bool ?? false)
        case "Sequence":
            guard let items = json["pretokenizers"]?.array else { throw .missing("pretokenizers", in: "Sequence") }
            var steps: [any PreTokenizer] = []
            for item in items {
                if let step = try make(item) { steps.append(step) }
            }
            return PreTokenizerSequence(steps: steps)
        default:
            throw .unsupported("pre_tokenizer", type)
        }
    }
}

/// Applies several pre-tokenizers in order.
struct PreTokenizerSequence: PreTokenizer {
    let steps: [any PreTokenizer]

    func split(_ pieces: [TextPiece]) -> [TextPiece] {
        steps.reduce(pieces) { $1.split($0) }
    }
}
