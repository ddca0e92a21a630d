import Foundation
import Testing

@testable import Tokenizers

/// Every Unicode scalar is classified and normalised as Python `tokenizers` does
/// (Tests/Fixtures/tokenizers/unicode-classes.json, written by tools/tokenizers/unicode_classes.py).
struct UnicodeClassesTests {
    private struct Reference: Decodable {
        let classes: [String: [[UInt32]]]
        let mappings: [String: [String: [UInt32]]]
    }

    private static func reference() throws -> Reference {
        let url = TokenizerFixtures.folder.appendingPathComponent("unicode-classes.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    private static let allScalars: [Unicode.Scalar] = (0..<0x11_0000).compactMap { Unicode.Scalar(UInt32($0)) }

    private static func differences(
        _ ranges: [[UInt32]], _ predicate: (Unicode.Scalar) -> Bool
    ) -> [String] {
        var expected = Set<UInt32>()
        for range in ranges { for value in range[0]...range[1] { expected.insert(value) } }
        return allScalars.filter { predicate($0) != expected.contains($0.value) }.map { String($0.value, radix: 16) }
    }

    @Test func characterClassesMatchTheReferenceForEveryScalar() throws {
        let reference = try Self.reference()
        let checks: [(String, (Unicode.Scalar) -> Bool)] = [
            ("bert_removed", UnicodeClasses.isBertRemoved),
            ("bert_whitespace", { $0 != " " && !UnicodeClasses.isBertRemoved($0) && UnicodeClasses.isWhitespace($0) }),
            ("bert_punctuation", UnicodeClasses.isBertPunctuation),
            ("nonspacing_mark", UnicodeClasses.isStrippedMark),
            ("bert_mark", UnicodeClasses.isBertMark),
            ("regex_letter", UnicodeClasses.isLetter),
            ("regex_number", UnicodeClasses.isNumber),
            ("regex_whitespace", UnicodeClasses.isWhitespace),
            ("regex_word", UnicodeClasses.isWordCharacter),
            ("rust_word", UnicodeClasses.isRustWordCharacter),
            ("numeric", UnicodeClasses.isNumeric),
        ]
        for (name, predicate) in checks {
            let ranges = try #require(reference.classes[name], "missing class \(name)")
            let differences = Self.differences(ranges, predicate)
            #expect(differences.isEmpty, "\(name): \(differences.count) scalars differ, e.g. \(differences.prefix(10))")
        }
    }

    @Test func singleScalarNormalisationMatchesTheReference() throws {
        let reference = try Self.reference()
        let forms: [(String, any Normalizer)] = [
            ("lowercase", LowercaseNormalizer()),
            ("nfd", UnicodeFormNormalizer(form: .nfd)), ("nfkd", UnicodeFormNormalizer(form: .nfkd)),
            ("nfc", UnicodeFormNormalizer(form: .nfc)), ("nfkc", UnicodeFormNormalizer(form: .nfkc)),
        ]
        for (name, normalizer) in forms {
            let mapping = try #require(reference.mappings[name], "missing mapping \(name)")
            var differences: [String] = []
            // Hangul syllables are arithmetic and left out of the file; the corpus covers them.
            for scalar in Self.allScalars where !(0xAC00...0xD7A3).contains(scalar.value) {
                let expected = mapping[String(scalar.value)] ?? [scalar.value]
                if normalizer.normalize([scalar]).map(\.value) != expected {
                    differences.append(String(scalar.value, radix: 16))
                }
            }
            #expect(differences.isEmpty, "\(name): \(differences.count) scalars differ, e.g. \(differences.prefix(10))")
        }
    }
}
