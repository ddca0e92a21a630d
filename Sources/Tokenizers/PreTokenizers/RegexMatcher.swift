import Foundation

/// A regular expression from `tokenizer.json`.
///
/// The patterns that real tokenizers use (GPT-2's and CLIP's splits, whitespace runs) are scanned by
/// hand over scalars, with Hugging Face's character classes; any other pattern runs on ICU through
/// NSRegularExpression.
enum RegexMatcher: Sendable {
    case gpt2
    case clip
    case wordsOrSymbols
    case whitespaceRuns
    case spaceRuns
    case general(CompiledRegex)

    static let gpt2Pattern = #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#
    static let clipPattern = #"'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+"#
    static let wordsOrSymbolsPattern = #"\w+|[^\w\s]+"#

    init(pattern: String) throws(TokenizerError) {
        switch pattern {
        case Self.gpt2Pattern: self = .gpt2
        case Self.clipPattern: self = .clip
        case Self.wordsOrSymbolsPattern: self = .wordsOrSymbols
        case #"\s+"#: self = .whitespaceRuns
        case " {2,}": self = .spaceRuns
        default: self = .general(try CompiledRegex(pattern))
        }
    }

    /// Non-overlapping matches, left to right, as scalar index ranges.
    func matches(in text: [Unicode.Scalar]) -> [Range<Int>] {
        switch self {
        case .gpt2: return ScannedPatterns.gpt2(text)
        case .clip: return ScannedPatterns.clip(text)
        case .wordsOrSymbols: return ScannedPatterns.wordsOrSymbols(text, isWord: UnicodeClasses.isWordCharacter)
        case .whitespaceRuns: return ScannedPatterns.runs(text, minimum: 1, where: UnicodeClasses.isWhitespace)
        case .spaceRuns: return ScannedPatterns.runs(text, minimum: 2) { $0 == " " }
        case .general(let regex): return regex.matches(in: text)
        }
    }
}

/// An ICU regular expression, with UTF-16 offsets mapped back to scalar indices.
final class CompiledRegex: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to share between threads.
    private let expression: NSRegularExpression

    init(_ pattern: String) throws(TokenizerError) {
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            throw TokenizerError(.invalidFile, "cannot compile regular expression '\(pattern)' from tokenizer.json")
        }
    }

    func matches(in text: [Unicode.Scalar]) -> [Range<Int>] {
        guard !text.isEmpty else { return [] }
        let string = String(String.UnicodeScalarView(text))
        // Scalar index of each UTF-16 offset.
        var scalarAt: [Int] = []
        scalarAt.reserveCapacity(text.count + 1)
        for (index, scalar) in text.enumerated() {
            scalarAt.append(index)
            if scalar.value > 0xFFFF { scalarAt.append(index) }
        }
        scalarAt.append(text.count)
        let found = expression.matches(in: string, range: NSRange(location: 0, length: scalarAt.count - 1))
        return found.compactMap { match in
            let range = match.range
            guard range.location != NSNotFound else { return nil }
            return scalarAt[range.location]..<scalarAt[range.location + range.length]
        }
    }
}
