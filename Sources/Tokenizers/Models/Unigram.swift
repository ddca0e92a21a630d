/// SentencePiece's unigram model: the Viterbi path over scored pieces, unknown runs fused, optional byte fallback.
struct Unigram: TokenizationModel {
    private let trie: ByteTrie
    private let scores: [Double]
    private let unknownID: Int?
    private let unknownScore: Double
    private let byteFallback: Bool
    private let byteTokenIDs: [Int?]

    // SentencePiece's penalty for an unknown character, below the lowest piece score.
    private static let unknownPenalty = 10.0

    init(_ json: JSONValue) throws(TokenizerError) {
        guard let vocab = json["vocab"]?.array else { throw .missing("vocab", in: "Unigram") }
        var entries: [(bytes: [UInt8], id: Int)] = []
        var scores: [Double] = []
        entries.reserveCapacity(vocab.count)
        scores.reserveCapacity(vocab.count)
        for (id, item) in vocab.enumerated() {
            guard let pair = item.array, pair.count == 2, let piece = pair[0].string, let score = pair[1].double else {
                throw .missing("vocab[\(id)]", in: "Unigram")
            }
            entries.append((Array(piece.utf8), id))
            scores.append(score)
        }
        trie = ByteTrie(entries)
        self.scores = scores
        if let id = json["unk_id"]?.int {
            guard id < vocab.count else {
                throw TokenizerError(.unknownToken, "Unigram: unk_id \(id) is outside the vocabulary of \(vocab.count)")
            }
            unknownID = id
        } else {
            unknownID = nil
        }
        unknownScore = (scores.min() ?? 0) - Self.unknownPenalty
        byteFallback = json["byte_fallback"]?.bool ?? false
        byteTokenIDs = (0..<256).map { [trie] byte in trie.id(of: Array(Self.byteToken(UInt8(byte)).utf8)) }
    }

    func id(of token: [UInt8]) -> Int? { trie.id(of: token) }

    func tokenize(_ word: [Unicode.Scalar], into ids: inout [Int]) {
        let bytes = UTF8Encoding.bytes(of: word)
        let size = bytes.count
        guard size > 0 else { return }
        // Best path ending at each byte offset: (score, start, id); start -1 = not reached.
        var bestScore = [Double](repeating: 0, count: size + 1)
        var bestStart = [Int](repeating: -1, count: size + 1)
        var bestID = [Int](repeating: 0, count: size + 1)
        var start = 0
        while start < size {
            let scoreHere = bestScore[start]
            let characterLength = UTF8Encoding.sequenceLength(lead: bytes[start])
            var hasSingleCharacter = false
            var node = ByteTrie.root
            var position = start
            while position < size, let next = trie.child(of: node, bytes[position]) {
                node = next
                position += 1
                guard let id = trie.value(at: node) else { continue }
                let candidate = scores[id] + scoreHere
                if bestStart[position] < 0 || candidate > bestScore[position] {
                    bestScore[position] = candidate
                    bestStart[position] = start
                    bestID[position] = id
                }
                if position - start == characterLength { hasSingleCharacter = true }
            }
            if !hasSingleCharacter {
                let end = min(start + characterLength, size)
                let candidate = unknownScore + scoreHere
                if bestStart[end] < 0 || candidate > bestScore[end] {
                    bestScore[end] = candidate
                    bestStart[end] = start
                    bestID[end] = unknownID ?? -1
                }
            }
            start += characterLength
        }
        // Walk back; consecutive unknown pieces are fused into one.
        var pieces: [(range: Range<Int>, id: Int)] = []
        var end = size
        var unknownRunStart: Int?
        var unknownRunEnd = 0
        while end > 0 {
            let pieceStart = bestStart[end]
            let id = bestID[end]
            if let unknownID, id == unknownID {
                if unknownRunStart == nil { unknownRunEnd = end }
                unknownRunStart = pieceStart
            } else {
                if let runStart = unknownRunStart {
                    pieces.append((runStart..<unknownRunEnd, -1))
                    unknownRunStart = nil
                }
                pieces.append((pieceStart..<end, id))
            }
            end = pieceStart
        }
        if let runStart = unknownRunStart { pieces.append((runStart..<unknownRunEnd, -1)) }
        for piece in pieces.reversed() {
            if piece.id >= 0 {
                ids.append(piece.id)
            } else {
                appendUnknown(bytes[piece.range], to: &ids)
            }
        }
    }

    /// A fused unknown run: its own id if the vocabulary has it, else byte tokens or the unknown id.
    private func appendUnknown(_ bytes: ArraySlice<UInt8>, to ids: inout [Int]) {
        if let id = trie.id(of: bytes) {
            ids.append(id)
        } else if byteFallback, bytes.allSatisfy({ byteTokenIDs[Int($0)] != nil }) {
            for byte in bytes { ids.append(byteTokenIDs[Int(byte)] ?? 0) }
        } else if let unknownID {
            ids.append(unknownID)
        }
    }

    /// SentencePiece's name for a raw byte, e.g. `<0x0A>`.
    static func byteToken(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "<0x" + (hex.count == 1 ? "0" + hex : hex) + ">"
    }
}
