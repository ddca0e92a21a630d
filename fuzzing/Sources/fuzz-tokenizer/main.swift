// The three tokenizer families on arbitrary UTF-8-ish bytes and arbitrary Unicode scalars. The first byte picks the
// tokenizer and the decoding of the rest; every call must return without trapping.
import Foundation
import FuzzSupport
import Tokenizers

let tokenizers: [Tokenizer] = ["clip-bpe.json", "bert-wordpiece.json", "xlmr-unigram.json"].map { name in
    do {
        return try Tokenizer(contentsOf: fixturesFolder.appendingPathComponent("tokenizers/\(name)"))
    } catch {
        fatalError("fuzz-tokenizer: cannot load \(name): \(error)")
    }
}

runFuzzer { data, size in
    let bytes = fuzzBytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let tokenizer = tokenizers[Int(selector) % tokenizers.count]
    let rest = bytes.dropFirst()
    let text = selector & 0x10 == 0 ? String(decoding: rest, as: UTF8.self) : unicodeScalars(rest)
    _ = tokenizer.encode(text, addSpecialTokens: selector & 0x20 != 0)
    let encoding = tokenizer.encode(text, length: 77, paddingID: 0)
    precondition(encoding.ids.count == 77, "a padded encoding has the requested length")
    return 0
}
