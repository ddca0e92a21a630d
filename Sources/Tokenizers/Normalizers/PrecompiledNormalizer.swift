import Foundation

/// SentencePiece's `precompiled_charsmap`: a double-array trie of UTF-8 keys and a table of replacements.
///
/// Applied exactly as Hugging Face tokenizers applies it: each grapheme cluster shorter than six
/// UTF-8 bytes is looked up whole first; otherwise (or when that fails) every scalar is looked up alone.
/// A lookup takes the replacement of the shortest trie key that prefixes the chunk.
struct PrecompiledNormalizer: Normalizer {
    private let trie: DoubleArrayTrie
    private let replacements: [UInt8]
    // The lookup of each single ASCII scalar, which is most of what queries contain.
    private let asciiReplacements: [Range<Int>?]

    init(_ json: JSONValue) throws(TokenizerError) {
        guard let encoded = json["precompiled_charsmap"]?.string else {
            throw .missing("precompiled_charsmap", in: "Precompiled")
        }
        guard let data = Data(base64Encoded: encoded) else {
            throw TokenizerError(.invalidFile, "Precompiled: precompiled_charsmap is not valid base64")
        }
        try self.init(charsmap: [UInt8](data))
    }

    /// Reads the binary charsmap: a little-endian u32 trie size in bytes, the trie units, then the replacements.
    init(charsmap bytes: [UInt8]) throws(TokenizerError) {
        guard bytes.count >= 4 else { throw TokenizerError(.invalidFile, "Precompiled: precompiled_charsmap is truncated") }
        let trieSize = Int(UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
        guard trieSize % 4 == 0, 4 + trieSize <= bytes.count else {
            throw TokenizerError(.invalidFile, "Precompiled: precompiled_charsmap trie size \(trieSize) does not fit the data")
        }
        var units: [UInt32] = []
        units.reserveCapacity(trieSize / 4)
        var offset = 4
        while offset < 4 + trieSize {
            units.append(
                UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                    | UInt32(bytes[offset + 3]) << 24)
            offset += 4
        }
        guard !units.isEmpty else { throw TokenizerError(.invalidFile, "Precompiled: precompiled_charsmap has an empty trie") }
        self.trie = DoubleArrayTrie(units: units)
        self.replacements = Array(bytes[(4 + trieSize)...])
        guard String(validating: replacements, as: UTF8.self) != nil else {
            throw TokenizerError(.invalidFile, "Precompiled: the replacement table is not valid UTF-8")
        }
        var ascii: [Range<Int>?] = []
        for byte in UInt8(0)..<0x80 {
            ascii.append(Self.transform([byte], trie: trie, replacements: replacements))
        }
        asciiReplacements = ascii
    }

    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        if text.allSatisfy({ $0.value < 0x80 }) && !text.contains("\r") {
            // Every ASCII grapheme is a single scalar, except CR LF.
            var result: [Unicode.Scalar] = []
            result.reserveCapacity(text.count)
            for scalar in text {
                if let replacement = asciiReplacements[Int(scalar.value)] {
                    appendReplacement(replacement, to: &result)
                } else {
                    result.append(scalar)
                }
            }
            return result
        }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.count)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(16)
        var index = 0
        let clusters = GraphemeClusters(text)
        for clusterEnd in clusters.ends {
            let cluster = text[index..<clusterEnd]
            index = clusterEnd
            chunk.removeAll(keepingCapacity: true)
            for scalar in cluster { UTF8Encoding.append(scalar, to: &chunk) }
            if chunk.count < 6, let replacement = transform(chunk) {
                appendReplacement(replacement, to: &result)
                continue
            }
            if cluster.count == 1 {
                result.append(cluster[cluster.startIndex])
                continue
            }
            for scalar in cluster {
                chunk.removeAll(keepingCapacity: true)
                UTF8Encoding.append(scalar, to: &chunk)
                if let replacement = transform(chunk) {
                    appendReplacement(replacement, to: &result)
                } else {
                    result.append(scalar)
                }
            }
        }
        return result
    }

    /// The replacement byte range for `chunk`, from the shortest matching key.
    private func transform(_ chunk: [UInt8]) -> Range<Int>? {
        Self.transform(chunk, trie: trie, replacements: replacements)
    }

    private static func transform(_ chunk: [UInt8], trie: DoubleArrayTrie, replacements: [UInt8]) -> Range<Int>? {
        guard let value = trie.firstPrefixValue(chunk) else { return nil }
        let start = Int(value)
        guard start <= replacements.count else { return nil }
        var end = start
        while end < replacements.count && replacements[end] != 0 { end += 1 }
        return start..<end
    }

    private func appendReplacement(_ range: Range<Int>, to result: inout [Unicode.Scalar]) {
        if replacements[range].allSatisfy({ $0 < 0x80 }) {
            for byte in replacements[range] { result.append(Unicode.Scalar(byte)) }
        } else {
            result.append(contentsOf: String(decoding: replacements[range], as: UTF8.self).unicodeScalars)
        }
    }
}
