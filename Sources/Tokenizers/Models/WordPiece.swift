/// Greedy longest-match-first sub-word tokenization with a continuation prefix (BERT).
struct WordPiece: TokenizationModel {
    private let trie: ByteTrie
    private let continuationNode: ByteTrie.Node?
    let unknownID: Int
    let maxCharactersPerWord: Int

    init(_ json: JSONValue) throws(TokenizerError) {
        let entries = try TokenizationModelFactory.vocabulary(json, in: "WordPiece")
        trie = ByteTrie(entries)
        let unknown = json["unk_token"]?.string ?? "[UNK]"
        guard let unknownID = trie.id(of: Array(unknown.utf8)) else {
            throw TokenizerError(.unknownToken, "WordPiece: unknown token '\(unknown)' is not in the vocabulary")
        }
        self.unknownID = unknownID
        let prefix = json["continuing_subword_prefix"]?.string ?? "##"
        continuationNode = trie.walk(Array(prefix.utf8))
        maxCharactersPerWord = json["max_input_chars_per_word"]?.int ?? 100
    }

    func id(of token: [UInt8]) -> Int? { trie.id(of: token) }

    func tokenize(_ word: [Unicode.Scalar], into ids: inout [Int]) {
        if word.count > maxCharactersPerWord {
            ids.append(unknownID)
            return
        }
        let bytes = UTF8Encoding.bytes(of: word)
        let mark = ids.count
        var start = 0
        while start < bytes.count {
            // The longest vocabulary entry starting here (every entry ends on a scalar boundary).
            guard var node = start == 0 ? ByteTrie.root : continuationNode else {
                ids.removeSubrange(mark...)
                ids.append(unknownID)
                return
            }
            var best: (end: Int, id: Int)?
            var position = start
            while position < bytes.count, let next = trie.child(of: node, bytes[position]) {
                node = next
                position += 1
                if let id = trie.value(at: node) { best = (position, id) }
            }
            guard let match = best else {
                ids.removeSubrange(mark...)
                ids.append(unknownID)
                return
            }
            ids.append(match.id)
            start = match.end
        }
    }
}
