/// Rewrites text before it is split: case, accents, Unicode forms, character maps.
protocol Normalizer: Sendable {
    /// The normalised scalars of `text`.
    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar]
}

/// Builds normalizers from their `tokenizer.json` description.
enum NormalizerFactory {
    /// The normalizer described by `json`, or nil for JSON `null`.
    static func make(_ json: JSONValue?) throws(TokenizerError) -> (any Normalizer)? {
        guard let json, !json.isNull else { return nil }
        guard let type = json["type"]?.string else { throw .missing("type", in: "normalizer") }
        switch type {
        case "BertNormalizer":
            let lowercase = json["lowercase"]?.bool ?? true
            return BertNormalizer(
                cleanText: json["clean_text"]?.bool ?? true,
                handleChineseCharacters: json["handle_chinese_chars"]?.bool ?? true,
                stripAccents: json["strip_accents"]?.bool ?? lowercase,
                lowercase: lowercase
            )
        case "Lowercase":
            return LowercaseNormalizer()
        case "StripAccents":
            return StripAccentsNormalizer()
        case "NFD":
            return UnicodeFormNormalizer(form: .nfd)
        case "NFKD":
            return UnicodeFormNormalizer(form: .nfkd)
        case "NFC":
            return UnicodeFormNormalizer(form: .nfc)
        case "NFKC":
            return UnicodeFormNormalizer(form: .nfkc)
        case "Replace":
            guard let content = json["content"]?.string else { throw .missing("content", in: "Replace") }
            return ReplaceNormalizer(pattern: try Pattern(json["pattern"], in: "Replace"), content: Array(content.unicodeScalars))
        case "Strip":
            return StripNormalizer(left: json["strip_left"]?.bool ?? true, right: json["strip_right"]?.bool ?? true)
        case "Prepend":
            guard let prepend = json["prepend"]?.string else { throw .missing("prepend", in: "Prepend") }
            return PrependNormalizer(prefix: Array(prepend.unicodeScalars))
        case "Precompiled":
            return try PrecompiledNormalizer(json)
        case "ByteLevel":
            return ByteLevelNormalizer()
        case "Sequence":
            guard let items = json["normalizers"]?.array else { throw .missing("normalizers", in: "Sequence") }
            var normalizers: [any Normalizer] = []
            for item in items {
                if let normalizer = try make(item) { normalizers.append(normalizer) }
            }
            return NormalizerSequence(normalizers: normalizers)
        default:
            throw .unsupported("normalizer", type)
        }
    }
}

/// Applies several normalizers in order.
struct NormalizerSequence: Normalizer {
    let normalizers: [any Normalizer]

    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        normalizers.reduce(text) { $1.normalize($0) }
    }
}
