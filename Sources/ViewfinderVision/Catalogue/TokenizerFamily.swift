/// The kind of tokenizer a model's `tokenizer.json` describes.
public enum TokenizerFamily: String, Sendable, Codable, CaseIterable {
    /// BERT WordPiece (UForm3 English models).
    case wordPiece = "wordpiece"
    /// SentencePiece Unigram (XLM-R-style in UForm3 multilingual, T5-style in SigLIP).
    case unigram
    /// CLIP's byte-level BPE (OpenAI and OpenCLIP models).
    case byteLevelBPE = "bpe"
}
