import Foundation
import Testing
import Tokenizers
import ViewfinderTestSupport

/// Inputs found by `make fuzz` (Tests/Fixtures/fuzz), replayed, and their neighbours: a clear error or a result.
struct FuzzRegressionTests {
    /// fuzz-tokenizer-json, 2026-11-29: a CLIP tokenizer.json whose Split pattern the fuzzer filled with stray
    /// bytes. It loads and encodes; the 540 bytes LeakSanitizer reported were lost inside
    /// swift-corelibs-foundation's `_CFRegularExpressionCreate` while compiling that pattern (RELIABILITY.md).
    @Test func aPatternFullOfStrayBytesLoadsAndEncodes() throws {
        let file = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz/tokenizer-json-stray-bytes-regex.json")
        let tokenizer = try Tokenizer(json: try JSONValue.parse(Data(contentsOf: file)))
        let ids = tokenizer.encode("a photo of a dog, 東京 café 🙂", length: 16, paddingID: 0).ids
        #expect(ids.count == 16)
        #expect(ids.contains { $0 != 0 })
    }

    @Test func anUnterminatedCharacterClassIsAClearError() throws {
        let json = try JSONValue.parse(Data(#"""
            {"pre_tokenizer": {"type": "Split", "pattern": {"Regex": "[\\p{L}"}, "behavior": "Removed", "invert": true},
             "model": {"type": "WordPiece", "unk_token": "[UNK]", "vocab": {"[UNK]": 0}}}
            """#.utf8))
        #expect {
            _ = try Tokenizer(json: json)
        } throws: { error in
            (error as? TokenizerError)?.code == .invalidFile
        }
    }

    /// fuzz-tokenizer-json, 2026-11-29 (session 4): a BPE vocabulary entry with the id 21111111110, which trapped
    /// converting to the trie's 32-bit ids while the tokenizer loaded. Now a clear `invalidFile` error.
    @Test func aVocabularyIdBeyond32BitsIsAClearError() throws {
        let file = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz/tokenizer-json-id-beyond-int32.json")
        let json = try JSONValue.parse(Data(contentsOf: file))
        #expect {
            _ = try Tokenizer(json: json)
        } throws: { error in
            (error as? TokenizerError)?.code == .invalidFile
        }
        for model in ["BPE", "WordPiece"] {
            let document = try JSONValue.parse(Data("""
                {"model": {"type": "\(model)", "unk_token": "a", "vocab": {"a": 0, "b": 2147483648}, "merges": []}}
                """.utf8))
            #expect(throws: TokenizerError.self, "\(model)") { _ = try Tokenizer(json: document) }
        }
    }
}
