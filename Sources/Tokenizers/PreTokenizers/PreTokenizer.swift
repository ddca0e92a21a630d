/// Splits normalised text into words that the model tokenizes separately.
protocol PreTokenizer: Sendable {
    /// Splits each piece further; pieces are processed in order.
    func split(_ pieces: [String]) -> [String]
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
        case "WhitespaceSplit":
            return WhitespaceSplitPreTokenizer()
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

    func split(_ pieces: [String]) -> [String] {
        steps.reduce(pieces) { $1.split($0) }
    }
}
