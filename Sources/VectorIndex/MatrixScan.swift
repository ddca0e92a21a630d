/// One search over a ``VectorMatrix``, split into independent parts that the caller runs on threads of its own
/// choosing (a bounded pool, never Swift's cooperative pool), then merges with ``merge(_:)``.
public struct MatrixScan: Sendable {
    /// The matrix searched (a copy-on-write value: the scan sees the rows as they were when it was planned).
    let matrix: VectorMatrix
    /// The unit-length query.
    let query: [Float]
    /// How many matches are wanted.
    public let k: Int
    /// Matches below this score are left out.
    let minScore: Float
    /// For a selective filter: only these rows are scored (one part).
    let rows: [Int]?
    /// For a broad filter: which rows may be returned.
    let allowed: [Bool]?
    /// How many parts the scan is split into (1 for small or selective scans).
    public let parts: Int

    /// The best `k` matches of part `part` (0 ..< `parts`), best first. Blocking CPU work.
    public func run(part: Int) -> [MatrixMatch] {
        guard k > 0, matrix.count > 0, part >= 0, part < parts else { return [] }
        if let rows { return matrix.searchRows(rows, query: query, k: k, minScore: minScore).sorted() }
        let rowsPerPart = (matrix.count + parts - 1) / parts
        let start = part * rowsPerPart
        let end = min(matrix.count, start + rowsPerPart)
        guard start < end else { return [] }
        return matrix.scanRange(start..<end, query: query, k: k, minScore: minScore, allowed: allowed).sorted()
    }

    /// The best `k` of the parts' results, best first.
    public func merge(_ results: [[MatrixMatch]]) -> [MatrixMatch] {
        var merged = TopKSelector(k: k)
        for result in results { for match in result { merged.offer(match) } }
        return merged.sorted()
    }
}
