/// Maps one pre-tokenized word to vocabulary ids.
protocol TokenizationModel: Sendable {
    /// Appends the ids for `word` to `ids`.
    func tokenize(_ word: [Unicode.Scalar], into ids: inout [Int])
    /// The id of the token with exactly these UTF-8 bytes, if it is in the vocabulary.
    func id(of token: [UInt8]) -> Int?
}

/// Builds tokenization models from their `tokenizer.json` description.
enum TokenizationModelFactory {
    /// The model described by `json`.
    static func make(_ json: JSONValue?) throws(TokenizerError) -> any TokenizationModel {
        guard let json, let type = json["type"]?.string ?? inferredType(json) else { throw .missing("type", in: "model") }
        switch type {
        case "WordPiece":
            return try WordPiece(json)
        case "Unigram":
            return try Unigram(json)
        case "BPE":
            return try BytePairEncoding(json)
        default:
            throw .unsupported("model", type)
        }
    }

    // Old files omit the model type; its fields tell it apart, as in Hugging Face's reader.
    private static func inferredType(_ json: JSONValue) -> String? {
        if json["merges"] != nil { return "BPE" }
        if json["continuing_subword_prefix"] != nil || json["max_input_chars_per_word"] != nil { return "WordPiece" }
        if json["vocab"]?.array != nil { return "Unigram" }
        return nil
    }

    /// The `{token: id}` vocabulary of WordPiece and BPE models, as UTF-8 bytes and ids in file order.
    static func vocabulary(_ json: JSONValue, in component: String) throws(TokenizerError) -> [(bytes: [UInt8], id: Int)] {
        guard let vocab = json["vocab"]?.object else { throw .missing("vocab", in: component) }
        var entries: [(bytes: [UInt8], id: Int)] = []
        entries.reserveCapacity(vocab.count)
        for (token, value) in vocab.members {
            guard let id = value.int, id >= 0 else { throw .missing("vocab[\(token)]", in: component) }
            // Ids are stored as 32-bit values; a real vocabulary is far smaller (found by fuzz-tokenizer-json).
            guard id <= Int(Int32.max) else {
                throw TokenizerError(.invalidFile, "\(component): vocab[\(token)] has the id \(id), beyond \(Int32.max)")
            }
            entries.append((Array(token.utf8), id))
        }
        return entries
    }
}
