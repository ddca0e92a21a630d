// The tokenizer.json loader on arbitrary bytes: the JSON reader, then every factory (normalizer, pre-tokenizer,
// model, post-processor, added tokens). A document that loads must then encode without trapping.
import Foundation
import FuzzSupport
import Tokenizers

runFuzzer { data, size in
    let bytes = fuzzBytes(data, size)
    guard let json = try? JSONValue.parse(Data(bytes)) else { return 0 }
    guard let tokenizer = try? Tokenizer(json: json) else { return 0 }
    _ = tokenizer.encode("a photo of a dog, 東京 café 🙂", length: 16, paddingID: 0)
    return 0
}
