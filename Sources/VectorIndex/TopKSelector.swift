/// Exact top-k selection with a binary min-heap keyed by ranking order.
struct TopKSelector {
    private var heap: [MatrixMatch] = []
    let k: Int

    init(k: Int) {
        self.k = max(0, k)
        heap.reserveCapacity(self.k)
    }

    /// The worst match kept so far, once `k` are kept.
    var threshold: MatrixMatch? { heap.count == k ? heap.first : nil }

    /// Offers a candidate; it is kept if it ranks before the worst kept match.
    mutating func offer(_ match: MatrixMatch) {
        guard k > 0 else { return }
        if heap.count < k {
            heap.append(match)
            siftUp(heap.count - 1)
        } else if let worst = heap.first, match.ranksBefore(worst) {
            heap[0] = match
            siftDown(0)
        }
    }

    /// Offers a score for `id` without allocating a match unless it can be kept.
    @inline(__always)
    mutating func offer(id: Int64, score: Float) {
        if let worst = threshold, score < worst.score { return }
        offer(MatrixMatch(id: id, score: score))
    }

    /// Adds every match another selector kept.
    mutating func merge(_ other: TopKSelector) {
        for match in other.heap { offer(match) }
    }

    /// The kept matches, best first.
    func sorted() -> [MatrixMatch] {
        heap.sorted { $0.ranksBefore($1) }
    }

    // The heap's root is the match that ranks last.
    private func isWorse(_ a: MatrixMatch, _ b: MatrixMatch) -> Bool { b.ranksBefore(a) }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard isWorse(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var worst = parent
            if left < heap.count, isWorse(heap[left], heap[worst]) { worst = left }
            if right < heap.count, isWorse(heap[right], heap[worst]) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
