import Foundation
import Testing
import Tokenizers
import ViewfinderTestSupport

/// The CLIP-style byte-level BPE tokenizer of models/viewfinder-test-tiny-openclip against Python `tokenizers`.
@Suite("OpenCLIP test model tokenizer")
struct OpenCLIPTestModelTokenizerTests {
    private struct Golden: Decodable {
        struct Case: Decodable {
            let text: String
            let input_ids: [Int]
            let padded_ids: [Int]
        }
        let pad_id: Int
        let context_length: Int
        let tokenization: [Case]
    }

    private static let model = TestPaths.repositoryRoot.appendingPathComponent("models/viewfinder-test-tiny-openclip")

    private func golden() throws -> Golden {
        try JSONDecoder().decode(
            Golden.self,
            from: Data(contentsOf: TestPaths.goldens.appendingPathComponent("viewfinder-test-tiny-openclip.json")))
    }

    @Test("ids with special tokens equal Python tokenizers' for every golden string")
    func unpaddedIDs() throws {
        let golden = try golden()
        let tokenizer = try Tokenizer(contentsOf: Self.model.appendingPathComponent("textual/tokenizer.json"))
        #expect(golden.tokenization.count >= 20)
        for item in golden.tokenization {
            #expect(tokenizer.encode(item.text) == item.input_ids, "\(item.text)")
        }
    }

    @Test("padding with <|endoftext|> and truncation to the context length match Immich's tokenizer setup")
    func paddedIDs() throws {
        let golden = try golden()
        let tokenizer = try Tokenizer(contentsOf: Self.model.appendingPathComponent("textual/tokenizer.json"))
        #expect(tokenizer.id(of: "<|endoftext|>") == golden.pad_id)
        for item in golden.tokenization {
            let encoding = tokenizer.encode(item.text, length: golden.context_length, paddingID: golden.pad_id)
            #expect(encoding.ids == item.padded_ids, "\(item.text)")
        }
    }
}
