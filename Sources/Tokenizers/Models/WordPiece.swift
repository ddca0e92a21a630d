/// Greedy longest-match-first sub-word tokenization with a continuation prefix (BERT).
struct WordPiece: TokenizationModel {
    let vocabulary: [String: Int]
    let unknownID: Int
    let continuationPrefix: String
    let maxCharactersPerWord: Int

    init(_ json: JSONValue) throws(TokenizerError) {
        guard let vocab = json["vocab"]?.object else { throw .missing("vocab", in: "WordPiece") }
        var vocabulary: [String: Int] = [:]
        vocabulary.reserveCapacity(vocab.count)
        for (token, id) in vocab {
            guard let id = id.int else { throw .missing("vocab[\(token)]", in: "WordPiece") }
            vocabulary[token] = id
        }
        let unknown = json["unk_token"]?.string ?? "[UNK]"
        guard let unknownID = vocabulary[unknown] else {
            throw TokenizerError(.unknownToken, "WordPiece: unknown token '\(unknown)' is not in the vocabulary")
        }
        self.vocabulary = vocabulary
        self.unknownID = unknownID
        self.continuationPrefix = json["continuing_subword_prefix"]?.string ?? "##"
        self.maxCharactersPerWord = json["max_input_chars_per_word"]?.int ?? 100
    }

    func id(of token: String) -> Int? { vocabulary[token] }

    func tokenize(_ word: String) -> [Int] {
        let scalars = Array(word.unicodeScalars)
        if scalars.count > maxCharactersPerWord { return [unknownID] }
        var ids: [Int] = []
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var match: Int?
            while start < end {
                var piece = String(String.UnicodeScalarView(scalars[start..<end]))
                if start > 0 { piece = continuationPrefix + piece }
                if let id = vocabulary[piece] {
                    match = id
                    break
                }
                end -= 1
            }
            guard let id = match else { return [unknownID] }
            ids.append(id)
            start = end
        }
        return ids
    }
}
