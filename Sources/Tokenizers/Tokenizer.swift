public import Foundation

/// A tokenizer read from a Hugging Face `tokenizer.json` file.
public struct Tokenizer: Sendable {
    private let addedTokens: [AddedToken]
    /// Added tokens as scalar patterns, longest first.
    let addedTokensForMatching: [(id: Int, pattern: [Unicode.Scalar])]
    private let normalizer: (any Normalizer)?
    private let preTokenizer: (any PreTokenizer)?
    private let model: any TokenizationModel
    private let postProcessor: (any PostProcessor)?

    /// Reads a `tokenizer.json` file.
    public init(contentsOf url: URL) throws(TokenizerError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TokenizerError(.fileNotFound, "cannot read tokenizer file \(url.path)", underlying: error)
        }
        try self.init(json: JSONValue.parse(data))
    }

    /// Builds a tokenizer from a parsed `tokenizer.json` document.
    public init(json: JSONValue) throws(TokenizerError) {
        var added: [AddedToken] = []
        for item in json["added_tokens"]?.array ?? [] { added.append(try AddedToken(item)) }
        // Longest first, so that a token never matches inside a longer one.
        self.addedTokens = added.sorted { $0.content.unicodeScalars.count > $1.content.unicodeScalars.count }
        self.addedTokensForMatching = addedTokens.map { ($0.id, Array($0.content.unicodeScalars)) }
        self.normalizer = try NormalizerFactory.make(json["normalizer"])
        self.preTokenizer = try PreTokenizerFactory.make(json["pre_tokenizer"])
        self.model = try TokenizationModelFactory.make(json["model"])
        self.postProcessor = try PostProcessorFactory.make(json["post_processor"])
    }

    /// The id of a token in the vocabulary or among the added tokens.
    public func id(of token: String) -> Int? {
        addedTokens.first { $0.content == token }?.id ?? model.id(of: token)
    }

    /// The ids for `text`, with special tokens, without truncation or padding.
    public func encode(_ text: String) -> [Int] {
        postProcessor?.process(encodeContent(text)) ?? encodeContent(text)
    }

    /// The ids for `text`, truncated and padded to exactly `length` tokens with `paddingID`.
    public func encode(_ text: String, length: Int, paddingID: Int) -> Encoding {
        var content = encodeContent(text)
        let room = max(0, length - (postProcessor?.addedTokenCount ?? 0))
        if content.count > room { content.removeLast(content.count - room) }
        var ids = postProcessor?.process(content) ?? content
        if ids.count > length { ids.removeLast(ids.count - length) }
        let mask = Array(repeating: 1, count: ids.count) + Array(repeating: 0, count: length - ids.count)
        ids += Array(repeating: paddingID, count: length - ids.count)
        return Encoding(ids: ids, attentionMask: mask)
    }

    /// Ids of the text itself: added tokens split out first, the rest normalised, split and modelled.
    private func encodeContent(_ text: String) -> [Int] {
        var ids: [Int] = []
        for segment in splitOnAddedTokens(text) {
            switch segment {
            case .added(let id):
                ids.append(id)
            case .text(let piece):
                let normalized = normalizer?.normalize(piece) ?? piece
                let words = preTokenizer?.split([normalized]) ?? [normalized]
                for word in words where !word.isEmpty {
                    ids.append(contentsOf: model.tokenize(word))
                }
            }
        }
        return ids
    }
}
