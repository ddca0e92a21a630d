/// Keeps the `k` best-scoring items seen so far (exact, no approximation).
struct TopK<ID: Comparable> {
    private(set) var items: [(id: ID, score: Float)] = []
    let k: Int

    init(k: Int) {
        self.k = max(0, k)
        items.reserveCapacity(self.k + 1)
    }

    /// Offers a candidate; ties keep the smaller id first so results are deterministic.
    mutating func offer(_ id: ID, score: Float) {
        guard k > 0 else { return }
        if items.count == k, let last = items.last, !Self.isBetter((id, score), than: last) { return }
        let position = items.firstIndex { Self.isBetter((id, score), than: $0) } ?? items.count
        items.insert((id, score), at: position)
        if items.count > k { items.removeLast() }
    }

    private static func isBetter(_ a: (id: ID, score: Float), than b: (id: ID, score: Float)) -> Bool {
        a.score > b.score || (a.score == b.score && a.id < b.id)
    }
}
