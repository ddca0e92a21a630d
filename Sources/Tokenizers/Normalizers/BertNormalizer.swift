import Foundation

/// BERT's normalizer: control-character cleaning, CJK spacing, accent stripping, lowercasing.
struct BertNormalizer: Normalizer {
    let cleanText: Bool
    let handleChineseCharacters: Bool
    let stripAccents: Bool
    let lowercase: Bool

    func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if cleanText {
                if scalar.value == 0 || scalar.value == 0xFFFD || UnicodeClasses.isControl(scalar) { continue }
                if UnicodeClasses.isWhitespace(scalar) {
                    scalars.append(" ")
                    continue
                }
            }
            if handleChineseCharacters && UnicodeClasses.isChineseCharacter(scalar) {
                scalars.append(" ")
                scalars.append(scalar)
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        var result = String(scalars)
        if stripAccents { result = StripAccentsNormalizer().normalize(result) }
        if lowercase { result = LowercaseNormalizer().normalize(result) }
        return result
    }
}

/// Lowercases scalar by scalar, without context rules, as Hugging Face tokenizers does.
struct LowercaseNormalizer: Normalizer {
    func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return String(scalars)
    }
}

/// Decomposes (NFD) and drops nonspacing marks.
struct StripAccentsNormalizer: Normalizer {
    func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where !UnicodeClasses.isNonspacingMark(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }
}

/// One of the four Unicode normalisation forms.
struct UnicodeFormNormalizer: Normalizer {
    let form: String

    func normalize(_ text: String) -> String {
        switch form {
        case "NFD": return text.decomposedStringWithCanonicalMapping
        case "NFKD": return text.decomposedStringWithCompatibilityMapping
        case "NFKC": return text.precomposedStringWithCompatibilityMapping
        default: return text.precomposedStringWithCanonicalMapping
        }
    }
}
