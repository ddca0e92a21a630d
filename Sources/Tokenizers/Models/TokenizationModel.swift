/// Maps one pre-tokenized word to vocabulary ids.
protocol TokenizationModel: Sendable {
    /// The ids for `word`.
    func tokenize(_ word: String) -> [Int]
    /// The id of `token`, if it is in the vocabulary.
    func id(of token: String) -> Int?
}

/// Builds tokenization models from their `tokenizer.json` description.
enum TokenizationModelFactory {
    /// The model described by `json`.
    static func make(_ json: JSONValue?) throws(TokenizerError) -> any TokenizationModel {
        guard let json, let type = json["type"]?.string else { throw .missing("type", in: "model") }
        switch type {
        case "WordPiece":
            return try WordPiece(json)
        default:
            throw .unsupported("model", type)
        }
    }
}
