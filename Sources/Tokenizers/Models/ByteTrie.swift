/// A trie over the UTF-8 bytes of vocabulary tokens, for exact and prefix lookups.
///
/// Tokens are compared byte for byte: Swift's `String` equality would merge canonically
/// equivalent tokens that a vocabulary keeps apart.
struct ByteTrie: Sendable {
    typealias Node = Int32

    private let childStart: [Int32]
    private let childBytes: [UInt8]
    private let childNodes: [Int32]
    private let rootChildren: [Int32]
    private let values: [Int32]

    /// The node every walk starts from.
    static let root: Node = 0

    /// Builds the trie; when a token appears twice, the later id wins.
    init(_ entries: [(bytes: [UInt8], id: Int)]) {
        // Insert in byte order, so that each node's children arrive sorted and contiguous.
        let order = entries.indices.sorted { a, b in
            let lhs = entries[a].bytes, rhs = entries[b].bytes
            return lhs.lexicographicallyPrecedes(rhs) || (lhs == rhs && a < b)
        }
        var children: [[(UInt8, Int32)]] = [[]]
        var values: [Int32] = [-1]
        for index in order {
            var node = 0
            for byte in entries[index].bytes {
                if let last = children[node].last, last.0 == byte {
                    node = Int(last.1)
                } else {
                    let next = Int32(children.count)
                    children[node].append((byte, next))
                    children.append([])
                    values.append(-1)
                    node = Int(next)
                }
            }
            values[node] = Int32(entries[index].id)
        }
        var childStart: [Int32] = []
        childStart.reserveCapacity(children.count + 1)
        var childBytes: [UInt8] = []
        var childNodes: [Int32] = []
        for edges in children {
            childStart.append(Int32(childBytes.count))
            for (byte, target) in edges {
                childBytes.append(byte)
                childNodes.append(target)
            }
        }
        childStart.append(Int32(childBytes.count))
        var rootChildren = [Int32](repeating: -1, count: 256)
        for (byte, target) in children[0] { rootChildren[Int(byte)] = target }
        self.childStart = childStart
        self.childBytes = childBytes
        self.childNodes = childNodes
        self.rootChildren = rootChildren
        self.values = values
    }

    /// The child of `node` along `byte`, or nil.
    @inline(__always)
    func child(of node: Node, _ byte: UInt8) -> Node? {
        if node == 0 {
            let target = rootChildren[Int(byte)]
            return target < 0 ? nil : target
        }
        var low = Int(childStart[Int(node)]), high = Int(childStart[Int(node) + 1])
        while low < high {
            let middle = (low + high) / 2
            let candidate = childBytes[middle]
            if candidate == byte { return childNodes[middle] }
            if candidate < byte { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The token id ending at `node`, or nil.
    @inline(__always)
    func value(at node: Node) -> Int? {
        let value = values[Int(node)]
        return value < 0 ? nil : Int(value)
    }

    /// The node reached by walking `bytes` from `node`, or nil.
    func walk<C: Collection<UInt8>>(_ bytes: C, from node: Node = ByteTrie.root) -> Node? {
        var current = node
        for byte in bytes {
            guard let next = child(of: current, byte) else { return nil }
            current = next
        }
        return current
    }

    /// The id of exactly `bytes`, or nil.
    func id<C: Collection<UInt8>>(of bytes: C) -> Int? {
        walk(bytes).flatMap(value(at:))
    }
}
