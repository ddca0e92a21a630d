/// Character classes with the exact definitions Hugging Face tokenizers uses.
///
/// Where the reference's Unicode data differs from Swift's (BERT's control and punctuation tests,
/// the regular-expression classes), the answer comes from tables probed from the reference itself.
enum UnicodeClasses {
    /// Rust's `char::is_whitespace` (the White_Space property).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        return scalar.properties.isWhitespace
    }

    /// Characters that BertNormalizer's `clean_text` removes.
    static func isBertRemoved(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v < 0x20 ? !(v == 0x09 || v == 0x0A || v == 0x0D) : v == 0x7F }
        return RangeTable.bertRemoved.contains(v)
    }

    /// BERT's punctuation: ASCII punctuation or a Unicode punctuation category.
    @inline(__always)
    static func isBertPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return asciiPunctuation[Int(v)] }
        return RangeTable.bertPunctuation.contains(v)
    }

    /// Marks removed by the StripAccents normalizer.
    static func isStrippedMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300 && RangeTable.strippedMarks.contains(scalar.value)
    }

    /// Marks removed by BertNormalizer's `strip_accents` after NFD.
    static func isBertMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300 && RangeTable.bertMarks.contains(scalar.value)
    }

    /// `\p{L}` in the pre-tokenizer patterns.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return RangeTable.regexLetter.contains(v)
    }

    /// `\p{N}` in the pre-tokenizer patterns.
    @inline(__always)
    static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return RangeTable.regexNumber.contains(v)
    }

    /// `\w` in the pre-tokenizer regular expressions (Oniguruma's).
    @inline(__always)
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A || (v >= 0x30 && v <= 0x39) || v == 0x5F }
        return RangeTable.regexWord.contains(v)
    }

    /// Rust's `char::is_numeric` (categories Nd, Nl and No), used by the Digits pre-tokenizer.
    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// `\w` of Rust's regex crate: the Whitespace pre-tokenizer and `single_word` added tokens.
    @inline(__always)
    static func isRustWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A || (v >= 0x30 && v <= 0x39) || v == 0x5F }
        return RangeTable.rustWord.contains(v)
    }

    /// CJK ideograph blocks that BERT surrounds with spaces.
    static func isChineseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
            0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    private static let asciiPunctuation: [Bool] = (0..<128).map { v in
        (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v)
    }
}
