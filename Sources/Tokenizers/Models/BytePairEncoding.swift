/// Byte-pair encoding: symbols per scalar (with optional prefix and `</w>`-style suffix), merged by rank.
struct BytePairEncoding: TokenizationModel {
    private let trie: ByteTrie
    private let merges: MergeTable
    private let unknownID: Int?
    private let fuseUnknown: Bool
    private let byteFallback: Bool
    private let ignoreMerges: Bool
    private let prefixNode: ByteTrie.Node?
    private let prefix: [UInt8]
    private let hasPrefix: Bool
    private let suffix: [UInt8]
    private let byteTokenIDs: [Int?]
    private let cache = WordCache(capacity: 10_000)

    init(_ json: JSONValue) throws(TokenizerError) {
        let entries = try TokenizationModelFactory.vocabulary(json, in: "BPE")
        trie = ByteTrie(entries)
        merges = try MergeTable(json["merges"], trie: trie)
        if let unknown = json["unk_token"]?.string {
            guard let id = trie.id(of: Array(unknown.utf8)) else {
                throw TokenizerError(.unknownToken, "BPE: unknown token '\(unknown)' is not in the vocabulary")
            }
            unknownID = id
        } else {
            unknownID = nil
        }
        fuseUnknown = json["fuse_unk"]?.bool ?? false
        byteFallback = json["byte_fallback"]?.bool ?? false
        ignoreMerges = json["ignore_merges"]?.bool ?? false
        prefix = Array((json["continuing_subword_prefix"]?.string ?? "").utf8)
        hasPrefix = !prefix.isEmpty
        prefixNode = trie.walk(prefix)
        suffix = Array((json["end_of_word_suffix"]?.string ?? "").utf8)
        byteTokenIDs = (0..<256).map { [trie] byte in trie.id(of: Array(Unigram.byteToken(UInt8(byte)).utf8)) }
    }

    func id(of token: [UInt8]) -> Int? { trie.id(of: token) }

    func tokenize(_ word: [Unicode.Scalar], into ids: inout [Int]) {
        guard !word.isEmpty else { return }
        if ignoreMerges, let id = trie.id(of: UTF8Encoding.bytes(of: word)) {
            ids.append(id)
            return
        }
        if let cached = cache.value(for: word) {
            for id in cached { ids.append(Int(id)) }
            return
        }
        var symbols = initialSymbols(word)
        merges.mergeAll(&symbols)
        if word.count < 256 { cache.store(symbols, for: word) }
        for id in symbols { ids.append(Int(id)) }
    }

    /// One symbol per scalar, as in Hugging Face's `merge_word`: unknown scalars become the
    /// unknown id (fused when configured), or byte tokens under byte fallback.
    private func initialSymbols(_ word: [Unicode.Scalar]) -> [Int32] {
        var symbols: [Int32] = []
        symbols.reserveCapacity(word.count)
        var pendingUnknown = false
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8)
        for (index, scalar) in word.enumerated() {
            let isLast = index == word.count - 1
            var id: Int?
            if let start = index > 0 && hasPrefix ? prefixNode : ByteTrie.root {
                bytes.removeAll(keepingCapacity: true)
                UTF8Encoding.append(scalar, to: &bytes)
                if var node = trie.walk(bytes, from: start) {
                    if isLast && !suffix.isEmpty {
                        if let end = trie.walk(suffix, from: node) { node = end; id = trie.value(at: node) }
                    } else {
                        id = trie.value(at: node)
                    }
                }
            }
            if let id {
                if pendingUnknown, let unknownID { symbols.append(Int32(unknownID)) }
                pendingUnknown = false
                symbols.append(Int32(id))
                continue
            }
            if byteFallback {
                let full = fullToken(scalar, first: index == 0, last: isLast)
                if full.allSatisfy({ byteTokenIDs[Int($0)] != nil }) {
                    for byte in full { symbols.append(Int32(byteTokenIDs[Int(byte)] ?? 0)) }
                    continue
                }
            }
            guard let unknownID else { continue }
            if pendingUnknown && !fuseUnknown { symbols.append(Int32(unknownID)) }
            pendingUnknown = true
        }
        if pendingUnknown, let unknownID { symbols.append(Int32(unknownID)) }
        return symbols
    }

    /// The bytes of a scalar's token with its prefix and suffix, for byte fallback.
    private func fullToken(_ scalar: Unicode.Scalar, first: Bool, last: Bool) -> [UInt8] {
        var bytes: [UInt8] = first ? [] : prefix
        UTF8Encoding.append(scalar, to: &bytes)
        if last { bytes += suffix }
        return bytes
    }
}
