/// BERT's normalizer: control-character cleaning, CJK spacing, accent stripping, lowercasing.
struct BertNormalizer: Normalizer {
    let cleanText: Bool
    let handleChineseCharacters: Bool
    let stripAccents: Bool
    let lowercase: Bool

    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.count + 8)
        for scalar in text {
            if cleanText {
                if UnicodeClasses.isBertRemoved(scalar) { continue }
                if UnicodeClasses.isWhitespace(scalar) {
                    result.append(" ")
                    continue
                }
            }
            if handleChineseCharacters && UnicodeClasses.isChineseCharacter(scalar) {
                result.append(" ")
                result.append(scalar)
                result.append(" ")
            } else {
                result.append(scalar)
            }
        }
        if stripAccents {
            result = UnicodeFormNormalizer(form: .nfd).normalize(result)
            result.removeAll(where: UnicodeClasses.isBertMark)
        }
        if lowercase { result = LowercaseNormalizer().normalize(result) }
        return result
    }
}

/// Lowercases scalar by scalar, without context rules, as Hugging Face tokenizers does.
struct LowercaseNormalizer: Normalizer {
    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.count)
        for scalar in text {
            let v = scalar.value
            if v < 0x80 {
                result.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : scalar)
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return result
    }
}

/// Drops the marks that Hugging Face's StripAccents removes (it does not decompose first).
struct StripAccentsNormalizer: Normalizer {
    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        text.filter { !UnicodeClasses.isStrippedMark($0) }
    }
}
