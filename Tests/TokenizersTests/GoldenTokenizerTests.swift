import Foundation
import Testing
import Tokenizers

/// Every corpus string must get exactly the ids that Python `tokenizers` gave, for every fixture file.
struct GoldenTokenizerTests {
    @Test(arguments: TokenizerFixtures.mainFiles + TokenizerFixtures.variantFiles)
    func idsWithSpecialTokensMatchTheReference(name: String) throws {
        let corpus = try TokenizerFixtures.corpus()
        let golden = try TokenizerFixtures.golden(name)
        let tokenizer = try TokenizerFixtures.tokenizer(name)
        try #require(corpus.count >= 2000 && golden.ids.count == corpus.count)
        var mismatches: [String] = []
        for (text, expected) in zip(corpus, golden.ids) {
            let ids = tokenizer.encode(text)
            if ids != expected {
                mismatches.append("\(text.debugDescription) → \(ids) expected \(expected)")
            }
        }
        #expect(mismatches.isEmpty, "\(name): \(mismatches.count) of \(corpus.count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }

    @Test(arguments: TokenizerFixtures.mainFiles)
    func fixedLengthIdsAndMasksMatchTheReference(name: String) throws {
        let corpus = try TokenizerFixtures.corpus()
        let golden = try TokenizerFixtures.golden(name)
        let tokenizer = try TokenizerFixtures.tokenizer(name)
        let length = try #require(golden.length)
        let paddingID = try #require(golden.pad_id)
        let padded = try #require(golden.padded_ids)
        let masks = try #require(golden.attention_masks)
        var mismatches: [String] = []
        for (index, text) in corpus.enumerated() {
            let encoding = tokenizer.encode(text, length: length, paddingID: paddingID)
            let mask = encoding.attentionMask.map(String.init).joined()
            if encoding.ids != padded[index] || mask != masks[index] {
                mismatches.append("\(text.debugDescription) → \(encoding.ids) expected \(padded[index])")
            }
        }
        #expect(mismatches.isEmpty, "\(name): \(mismatches.count) of \(corpus.count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }
}
