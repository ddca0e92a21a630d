public import Foundation

/// A tokenizer read from a Hugging Face `tokenizer.json` file.
///
/// The pipeline is Hugging Face's: added tokens are split out of the raw text, the rest is normalised
/// (and split again at normalised added tokens), pre-tokenized into words, and each word is mapped to
/// ids by the model; the post-processor adds special tokens. Text is handled as Unicode scalars, never
/// as Swift `Character`s, and tokens are compared by their exact bytes.
public struct Tokenizer: Sendable {
    /// The model-specific cleaning applied to every text before tokenization.
    public let cleaning: TextCleaning
    private let addedVocabulary: AddedVocabulary
    private let normalizer: (any Normalizer)?
    private let preTokenizer: (any PreTokenizer)?
    private let model: any TokenizationModel
    private let postProcessor: (any PostProcessor)?

    /// Reads a `tokenizer.json` file.
    public init(contentsOf url: URL, cleaning: TextCleaning = .none) throws(TokenizerError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TokenizerError(.fileNotFound, "cannot read tokenizer file \(url.path)", underlying: error)
        }
        do {
            try self.init(json: JSONValue.parse(data), cleaning: cleaning)
        } catch {
            throw TokenizerError(error.code, "\(url.lastPathComponent): \(error.message)", underlying: error.underlying)
        }
    }

    /// Builds a tokenizer from a parsed `tokenizer.json` document.
    public init(json: JSONValue, cleaning: TextCleaning = .none) throws(TokenizerError) {
        self.cleaning = cleaning
        let normalizer = try NormalizerFactory.make(json["normalizer"])
        self.normalizer = normalizer
        self.preTokenizer = try PreTokenizerFactory.make(json["pre_tokenizer"])
        self.model = try TokenizationModelFactory.make(json["model"])
        self.postProcessor = try PostProcessorFactory.make(json["post_processor"])
        var added: [AddedToken] = []
        for item in json["added_tokens"]?.array ?? [] { added.append(try AddedToken(item)) }
        self.addedVocabulary = AddedVocabulary(added, normalizer: normalizer)
    }

    /// The id of a token among the added tokens or in the model's vocabulary.
    public func id(of token: String) -> Int? {
        addedVocabulary.id(of: token) ?? model.id(of: Array(token.utf8))
    }

    /// The ids for `text` with the post-processor's special tokens, without truncation or padding.
    public func encode(_ text: String) -> [Int] {
        encode(text, addSpecialTokens: true)
    }

    /// The ids for `text`, with or without the post-processor's special tokens.
    public func encode(_ text: String, addSpecialTokens: Bool) -> [Int] {
        let content = encodeContent(text)
        guard addSpecialTokens, let postProcessor else { return content }
        return postProcessor.process(content)
    }

    /// The ids for `text` with special tokens, truncated (keeping the special tokens) and padded
    /// on the right to exactly `length` tokens with `paddingID`, as Hugging Face's truncation and padding do.
    public func encode(_ text: String, length: Int, paddingID: Int) -> Encoding {
        var content = encodeContent(text)
        let room = max(0, length - (postProcessor?.addedTokenCount ?? 0))
        if content.count > room { content.removeLast(content.count - room) }
        var ids = postProcessor?.process(content) ?? content
        if ids.count > length { ids.removeLast(ids.count - length) }
        var mask = [Int](repeating: 1, count: ids.count)
        mask.append(contentsOf: repeatElement(0, count: length - ids.count))
        ids.append(contentsOf: repeatElement(paddingID, count: length - ids.count))
        return Encoding(ids: ids, attentionMask: mask)
    }

    /// Ids of the text itself: added tokens split out first, the rest normalised, split and modelled.
    private func encodeContent(_ text: String) -> [Int] {
        let cleaned = cleaning.apply(to: text)
        var ids: [Int] = []
        let whole = TextPiece(scalars: Array(cleaned.unicodeScalars), startsText: true)
        for segment in addedVocabulary.splitRaw(whole) {
            switch segment {
            case .token(let id):
                ids.append(id)
            case .text(let piece):
                let normalized = TextPiece(
                    scalars: normalizer?.normalize(piece.scalars) ?? piece.scalars, startsText: piece.startsText)
                for part in addedVocabulary.splitNormalized(normalized) {
                    switch part {
                    case .token(let id):
                        ids.append(id)
                    case .text(let remainder):
                        guard !remainder.scalars.isEmpty else { continue }
                        let words = preTokenizer?.split([remainder]) ?? [remainder]
                        for word in words where !word.scalars.isEmpty {
                            model.tokenize(word.scalars, into: &ids)
                        }
                    }
                }
            }
        }
        return ids
    }
}
