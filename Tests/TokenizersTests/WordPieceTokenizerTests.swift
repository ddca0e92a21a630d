import Foundation
import Testing
import ViewfinderTestSupport

@testable import Tokenizers

/// Checks the WordPiece path against ids recorded from Hugging Face tokenizers.
struct WordPieceTokenizerTests {
    private struct Golden: Decodable {
        struct Case: Decodable {
            let text: String
            let input_ids: [Int]
        }
        let tokenization: [Case]
    }

    private func loadTinyTokenizer() throws -> Tokenizer {
        try Tokenizer(contentsOf: TestPaths.tinyModel.appendingPathComponent("tokenizer.json"))
    }

    @Test func matchesHuggingFaceIdsForEveryGoldenString() throws {
        let tokenizer = try loadTinyTokenizer()
        let data = try Data(contentsOf: TestPaths.goldens.appendingPathComponent("viewfinder-test-tiny.json"))
        let golden = try JSONDecoder().decode(Golden.self, from: data)
        try #require(golden.tokenization.count >= 10)
        for testCase in golden.tokenization {
            #expect(tokenizer.encode(testCase.text) == testCase.input_ids, "text: \(testCase.text)")
        }
    }

    @Test func padsAndTruncatesToTheContextLength() throws {
        let tokenizer = try loadTinyTokenizer()
        let short = tokenizer.encode("red", length: 8, paddingID: 0)
        #expect(short.ids.count == 8)
        #expect(short.attentionMask == [1, 1, 1, 0, 0, 0, 0, 0])
        #expect(short.ids.suffix(5).allSatisfy { $0 == 0 })

        let long = tokenizer.encode(String(repeating: "red ", count: 50), length: 8, paddingID: 0)
        #expect(long.ids.count == 8)
        #expect(long.attentionMask.allSatisfy { $0 == 1 })
        // The closing special token survives truncation.
        #expect(long.ids.last == tokenizer.encode("red").last)
    }

    @Test func unknownComponentTypesAreNamedInTheError() throws {
        let json = try JSONValue.parse(Data(#"{"model": {"type": "Mystery"}}"#.utf8))
        #expect {
            _ = try Tokenizer(json: json)
        } throws: { error in
            (error as? TokenizerError)?.code == .unsupportedComponent
                && (error as? TokenizerError)?.message.contains("Mystery") == true
        }
    }

    @Test func bertNormalizerCleansSpacesChineseAndAccents() {
        let normalizer = BertNormalizer(
            cleanText: true, handleChineseCharacters: true, stripAccents: true, lowercase: true)
        let normalized = normalizer.normalize(Array("Grüne\tÄpfel\u{0007}红色".unicodeScalars))
        #expect(String(String.UnicodeScalarView(normalized)) == "grune apfel 红  色 ")
    }

    @Test func wordPieceSplitsIntoLongestPieces() throws {
        let json = try JSONValue.parse(Data(#"""
            {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
             "max_input_chars_per_word": 10,
             "vocab": {"[UNK]": 0, "un": 1, "##aff": 2, "##able": 3, "u": 4, "##n": 5}}
            """#.utf8))
        let model = try WordPiece(json)
        func ids(_ word: String) -> [Int] {
            var ids: [Int] = []
            model.tokenize(Array(word.unicodeScalars), into: &ids)
            return ids
        }
        #expect(ids("unaffable") == [1, 2, 3])
        #expect(ids("unknownword") == [0])
        #expect(ids("xyz") == [0])
    }
}
