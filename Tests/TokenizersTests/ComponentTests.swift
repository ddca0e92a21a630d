import Foundation
import Testing

@testable import Tokenizers

/// Behaviours of single components, with expectations from Hugging Face's documentation.
struct ComponentTests {
    private func words(_ pieces: [TextPiece]) -> [String] {
        pieces.map { String(String.UnicodeScalarView($0.scalars)) }
    }

    private func split(_ text: String, behavior: SplitBehavior, invert: Bool = false) throws -> [String] {
        let splitter = SplitPreTokenizer(pattern: .literal(["-"]), behavior: behavior, invert: invert)
        return words(splitter.split([TextPiece(scalars: Array(text.unicodeScalars), startsText: true)]))
    }

    @Test func splitBehavioursFollowTheReferenceDocumentation() throws {
        let text = "the-final--countdown"
        #expect(try split(text, behavior: .removed) == ["the", "final", "countdown"])
        #expect(try split(text, behavior: .isolated) == ["the", "-", "final", "-", "-", "countdown"])
        #expect(try split(text, behavior: .mergedWithPrevious) == ["the-", "final-", "-", "countdown"])
        #expect(try split(text, behavior: .mergedWithNext) == ["the", "-final", "-", "-countdown"])
        #expect(try split(text, behavior: .contiguous) == ["the", "-", "final", "--", "countdown"])
        #expect(try split(text, behavior: .removed, invert: true) == ["-", "-", "-"])
    }

    @Test func metaspaceMarksWordStartsAndPrependsOnlyWhereAsked() throws {
        func run(_ scheme: String, _ text: String, startsText: Bool) throws -> [String] {
            let json = try JSONValue.parse(Data(#"{"type": "Metaspace", "replacement": "▁", "prepend_scheme": "\#(scheme)", "split": true}"#.utf8))
            let metaspace = try MetaspacePreTokenizer(json)
            return words(metaspace.split([TextPiece(scalars: Array(text.unicodeScalars), startsText: startsText)]))
        }
        #expect(try run("always", "Hey friend", startsText: false) == ["▁Hey", "▁friend"])
        #expect(try run("first", "Hey friend", startsText: false) == ["Hey", "▁friend"])
        #expect(try run("first", "Hey friend", startsText: true) == ["▁Hey", "▁friend"])
        #expect(try run("never", "  Hey", startsText: true) == ["▁", "▁Hey"])
    }

    @Test func gpt2PatternKeepsSpacesWithTheFollowingWord() {
        let text = Array("Hello world's  2024!!  ".unicodeScalars)
        let pieces = ScannedPatterns.gpt2(text).map { String(String.UnicodeScalarView(text[$0])) }
        #expect(pieces == ["Hello", " world", "'s", " ", " 2024", "!!", "  "])
    }

    @Test func byteLevelAlphabetMapsSpaceAndNonPrintableBytes() {
        #expect(ByteLevelAlphabet.scalarForByte[0x20] == "\u{0120}")
        #expect(ByteLevelAlphabet.scalarForByte[0x41] == "A")
        #expect(ByteLevelAlphabet.map(["é"]) == ["\u{00C3}", "\u{00A9}"])
        #expect(Set(ByteLevelAlphabet.scalarForByte).count == 256)
    }

    @Test func unknownComponentTypesAreNamed() throws {
        let documents = [
            (#"{"normalizer": {"type": "Mystery"}, "model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}}"#, "Mystery"),
            (#"{"pre_tokenizer": {"type": "Riddle"}, "model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}}"#, "Riddle"),
            (#"{"post_processor": {"type": "Enigma"}, "model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}}"#, "Enigma"),
            (#"{"model": {"type": "WordLevelish", "vocab": {}}}"#, "WordLevelish"),
        ]
        for (document, name) in documents {
            let json = try JSONValue.parse(Data(document.utf8))
            #expect {
                _ = try Tokenizer(json: json)
            } throws: { error in
                let error = error as? TokenizerError
                return error?.code == .unsupportedComponent && error?.message.contains(name) == true
            }
        }
    }

    @Test func vocabularyKeepsCanonicallyEquivalentTokensApart() throws {
        // "é" precomposed and "e" + combining acute are equal as Swift Strings, but are two tokens.
        let json = try JSONValue.parse(Data(#"""
            {"model": {"type": "WordPiece", "unk_token": "[UNK]", "vocab": {"[UNK]": 0, "\u00e9": 1, "e\u0301": 2}}}
            """#.utf8))
        let tokenizer = try Tokenizer(json: json)
        #expect(tokenizer.encode("\u{E9}") == [1])
        #expect(tokenizer.encode("e\u{301}") == [2])
        #expect(tokenizer.id(of: "e\u{301}") == 2)
    }

    @Test func malformedJSONIsAClearError() {
        #expect {
            _ = try JSONValue.parse(Data(#"{"model": {"type": "BPE", }"#.utf8))
        } throws: { error in
            (error as? TokenizerError)?.code == .invalidFile
        }
    }

    @Test func jsonEscapesAndSurrogatePairsAreDecoded() throws {
        let json = try JSONValue.parse(Data(#"{"a": "x\n\"\u00e9\ud83d\ude00", "b": [1.5, -2e3, true, null]}"#.utf8))
        #expect(json["a"]?.string == "x\n\"é😀")
        #expect(json["b"]?.array == [.number(1.5), .number(-2000), .bool(true), .null])
    }

    @Test func openCLIPAndSigLIPCleaning() {
        #expect(TextCleaning.none.apply(to: "  A  b ") == "  A  b ")
        #expect(TextCleaning.openCLIP.apply(to: "  Dog&amp;Cat \t on\u{00A0}the  BEACH \n") == "Dog&Cat on the BEACH")
        #expect(TextCleaning.openCLIPLower.apply(to: "ΟΔΟΣ  ﬁsh ＡＢ") == "οδος fish ab")
        #expect(TextCleaning.sigLIP.apply(to: "A dog_on the beach!!! (at sunset), “nice”") == "a dog on the beach at sunset nice")
        #expect(TextCleaning.fromOpenCLIPConfig(clean: "canonicalize") == .sigLIP)
        #expect(TextCleaning.fromOpenCLIPConfig(clean: "lower") == .openCLIPLower)
        #expect(TextCleaning.fromOpenCLIPConfig(clean: nil) == .openCLIP)
    }

    @Test func addedTokensHonourLeftStripAndSingleWord() throws {
        let json = try JSONValue.parse(Data(#"""
            {"added_tokens": [
                {"id": 10, "content": "<mask>", "lstrip": true, "rstrip": false, "single_word": false, "normalized": false, "special": true},
                {"id": 11, "content": "cat", "lstrip": false, "rstrip": false, "single_word": true, "normalized": true, "special": false}],
             "pre_tokenizer": {"type": "WhitespaceSplit"},
             "model": {"type": "WordPiece", "unk_token": "[UNK]", "vocab": {"[UNK]": 0, "a": 1, "cats": 2, "##cat": 3}}}
            """#.utf8))
        let tokenizer = try Tokenizer(json: json)
        #expect(tokenizer.encode("a   <mask> a") == [1, 10, 1])
        #expect(tokenizer.encode("a cat a") == [1, 11, 1])
        #expect(tokenizer.encode("cats") == [2])
    }
}
