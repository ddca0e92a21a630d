/// BPE merges: for a pair of adjacent ids, the merge's rank and the merged id.
struct MergeTable: Sendable {
    private let table: [UInt64: UInt64]

    init(_ json: JSONValue?, trie: ByteTrie) throws(TokenizerError) {
        guard let items = json?.array else { throw .missing("merges", in: "BPE") }
        var table: [UInt64: UInt64] = [:]
        table.reserveCapacity(items.count)
        for (rank, item) in items.enumerated() {
            let left: String, right: String
            if let pair = item.array, pair.count == 2, let a = pair[0].string, let b = pair[1].string {
                (left, right) = (a, b)
            } else if let line = item.string, let space = line.firstIndex(of: " ") {
                // The older "a b" form; the first space separates the two parts.
                (left, right) = (String(line[..<space]), String(line[line.index(after: space)...]))
            } else {
                throw TokenizerError(.invalidFile, "BPE: merge \(rank) is neither a pair nor an 'a b' string")
            }
            let leftBytes = Array(left.utf8), rightBytes = Array(right.utf8)
            guard let leftID = trie.id(of: leftBytes), let rightID = trie.id(of: rightBytes) else {
                throw TokenizerError(.unknownToken, "BPE: merge '\(left) \(right)' uses a token missing from the vocabulary")
            }
            guard let mergedID = trie.id(of: leftBytes + rightBytes) else {
                throw TokenizerError(.unknownToken, "BPE: merge '\(left) \(right)' makes '\(left + right)', which is not in the vocabulary")
            }
            table[Self.key(leftID, rightID)] = UInt64(rank) << 32 | UInt64(mergedID)
        }
        self.table = table
    }

    @inline(__always)
    private static func key<I: BinaryInteger>(_ left: I, _ right: I) -> UInt64 {
        UInt64(left) << 32 | UInt64(right)
    }

    /// The rank and merged id for the pair, or nil.
    @inline(__always)
    func merge(_ left: Int32, _ right: Int32) -> (rank: UInt32, id: Int32)? {
        guard let entry = table[Self.key(UInt32(bitPattern: left), UInt32(bitPattern: right))] else { return nil }
        return (UInt32(truncatingIfNeeded: entry >> 32), Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF))
    }

    /// Applies merges lowest rank first, leftmost first among equals, as Hugging Face's `merge_all`.
    func mergeAll(_ symbols: inout [Int32]) {
        guard symbols.count > 1 else { return }
        if symbols.count <= 24 {
            mergeByScanning(&symbols)
        } else {
            mergeWithQueue(&symbols)
        }
    }

    private func mergeByScanning(_ symbols: inout [Int32]) {
        while symbols.count > 1 {
            var best: (index: Int, rank: UInt32, id: Int32)?
            for index in 0..<(symbols.count - 1) {
                if let merge = merge(symbols[index], symbols[index + 1]), best == nil || merge.rank < best?.rank ?? 0 {
                    best = (index, merge.rank, merge.id)
                }
            }
            guard let best else { return }
            symbols[best.index] = best.id
            symbols.remove(at: best.index + 1)
        }
    }

    /// Hugging Face's priority-queue merge over a linked list, for long words.
    private func mergeWithQueue(_ symbols: inout [Int32]) {
        let count = symbols.count
        var ids = symbols
        var previous = (0..<count).map { $0 - 1 }
        var next = (0..<count).map { $0 + 1 < count ? $0 + 1 : -1 }
        var alive = [Bool](repeating: true, count: count)
        var queue = MergeQueue()
        for index in 0..<(count - 1) {
            if let merge = merge(ids[index], ids[index + 1]) { queue.push(rank: merge.rank, position: index, id: merge.id) }
        }
        while let top = queue.pop() {
            let position = top.position
            guard alive[position], next[position] >= 0 else { continue }
            let right = next[position]
            guard let current = merge(ids[position], ids[right]), current.id == top.id else { continue }
            ids[position] = top.id
            alive[right] = false
            next[position] = next[right]
            if next[right] >= 0 { previous[next[right]] = position }
            if previous[position] >= 0, let merge = merge(ids[previous[position]], ids[position]) {
                queue.push(rank: merge.rank, position: previous[position], id: merge.id)
            }
            if next[position] >= 0, let merge = merge(ids[position], ids[next[position]]) {
                queue.push(rank: merge.rank, position: position, id: merge.id)
            }
        }
        symbols.removeAll(keepingCapacity: true)
        var index = 0
        while index >= 0 && index < count {
            symbols.append(ids[index])
            index = next[index]
        }
    }
}

/// A binary min-heap of pending merges ordered by rank, then position.
private struct MergeQueue {
    private var items: [(rank: UInt32, position: Int, id: Int32)] = []

    private static func before(_ a: (rank: UInt32, position: Int, id: Int32), _ b: (rank: UInt32, position: Int, id: Int32)) -> Bool {
        a.rank != b.rank ? a.rank < b.rank : a.position < b.position
    }

    mutating func push(rank: UInt32, position: Int, id: Int32) {
        items.append((rank, position, id))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (rank: UInt32, position: Int, id: Int32)? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = parent * 2 + 1, right = left + 1
                var smallest = parent
                if left < items.count && Self.before(items[left], items[smallest]) { smallest = left }
                if right < items.count && Self.before(items[right], items[smallest]) { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
