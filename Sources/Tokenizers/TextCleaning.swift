/// Cleaning that a model's reference code applies before its tokenizer, named by the model catalogue.
///
/// OpenCLIP's tokenizers run `basic_clean` (ftfy, HTML unescaping twice, strip) and then
/// `whitespace_clean` (its Hugging Face tokenizers' default, `clean="whitespace"`), `whitespace_clean`
/// plus lowercase (its own BPE tokenizer's default, `clean="lower"`), or SigLIP's `canonicalize_text`
/// (underscores to spaces, ASCII punctuation removed, lowercase, whitespace collapsed).
/// The ftfy step is covered for what queries contain: ligatures, full-width forms, curly quotes, line
/// breaks, control characters, terminal escapes and NFC; mojibake repair is not attempted.
public enum TextCleaning: String, Sendable, CaseIterable, Codable {
    /// Text reaches the tokenizer unchanged (UForm3).
    case none
    /// OpenCLIP `clean="whitespace"`: basic clean, whitespace collapsed.
    case openCLIP = "openclip"
    /// OpenCLIP `clean="lower"`: basic clean, whitespace collapsed, lowercased.
    case openCLIPLower = "openclip-lower"
    /// SigLIP, OpenCLIP `clean="canonicalize"`: basic clean, punctuation removed, lowercased, whitespace collapsed.
    case sigLIP = "siglip"

    /// The cleaning for the `clean` value of an OpenCLIP `text_cfg.tokenizer_kwargs`.
    public static func fromOpenCLIPConfig(clean: String?) -> TextCleaning {
        switch clean {
        case "canonicalize": return .sigLIP
        case "lower": return .openCLIPLower
        default: return .openCLIP
        }
    }

    /// The cleaned text.
    public func apply(to text: String) -> String {
        switch self {
        case .none:
            return text
        case .openCLIP:
            return Self.collapseWhitespace(Self.basicClean(text))
        case .openCLIPLower:
            return Self.pythonLowercased(Self.collapseWhitespace(Self.basicClean(text)))
        case .sigLIP:
            var scalars = Array(Self.basicClean(text).unicodeScalars)
            scalars = scalars.compactMap { scalar in
                if scalar == "_" { return " " }
                return Self.isASCIIPunctuation(scalar) ? nil : scalar
            }
            return Self.collapseWhitespace(Self.pythonLowercased(String(String.UnicodeScalarView(scalars))))
        }
    }

    /// ftfy's fixes for query text, HTML entities decoded twice, then Python's `strip()`.
    static func basicClean(_ text: String) -> String {
        let fixed = TextFixes.fix(text)
        let unescaped = HTMLEntities.unescape(HTMLEntities.unescape(fixed))
        let scalars = Array(unescaped.unicodeScalars)
        var start = 0, end = scalars.count
        while start < end && isPythonSpace(scalars[start]) { start += 1 }
        while end > start && isPythonSpace(scalars[end - 1]) { end -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// Python's `" ".join(text.split())`.
    static func collapseWhitespace(_ text: String) -> String {
        text.unicodeScalars.split(whereSeparator: isPythonSpace)
            .map { String(String.UnicodeScalarView($0)) }
            .joined(separator: " ")
    }

    /// Python's `str.lower()`: full lowercase mappings, with the final-sigma rule.
    static func pythonLowercased(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\u{03A3}" && isFinalSigma(scalars, at: index) {
                result.append("\u{03C2}")
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }

    private static func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0 && scalars[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= 0, scalars[before].properties.isCased else { return false }
        var after = index + 1
        while after < scalars.count && scalars[after].properties.isCaseIgnorable { after += 1 }
        return after >= scalars.count || !scalars[after].properties.isCased
    }

    /// Python's `str.isspace()`.
    static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Python's `string.punctuation`.
    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }
}
