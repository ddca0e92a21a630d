extension VectorMatrix {
    /// Rows scored per block: big enough to amortise calls, small enough to stay in cache.
    private static let blockRows = 4096

    /// Below about a million multiply-adds a second thread costs more than it saves.
    static let parallelWork = 1 << 20

    /// Plans the exact search for the `k` best matches of `query`, split into at most `threads` parts.
    ///
    /// - Parameters:
    ///   - candidates: when given, only these ids are considered (the SQL filter's result).
    ///   - minScore: matches scoring below it are left out.
    ///   - threads: how many parts a large scan may be split into.
    public func plan(
        _ query: [Float], k: Int, candidates: Set<Int64>? = nil, minScore: Float = -.infinity, threads: Int = 1
    ) -> MatrixScan {
        precondition(query.count == dims, "query has \(query.count) components, the matrix \(dims)")
        let parts = count * dims >= Self.parallelWork ? max(1, min(threads, 8)) : 1
        if let candidates {
            let rows = candidates.compactMap { row(of: $0) }
            // A selective filter scores only its rows; a broad one scans everything and checks membership.
            if rows.count * 4 < count {
                return MatrixScan(matrix: self, query: query, k: k, minScore: minScore, rows: rows, allowed: nil, parts: 1)
            }
            var allowed = [Bool](repeating: false, count: count)
            for row in rows { allowed[row] = true }
            return MatrixScan(matrix: self, query: query, k: k, minScore: minScore, rows: nil, allowed: allowed, parts: parts)
        }
        return MatrixScan(matrix: self, query: query, k: k, minScore: minScore, rows: nil, allowed: nil, parts: parts)
    }

    /// The exact `k` best matches for `query`, best first, computed on the calling thread.
    ///
    /// - Parameters:
    ///   - candidates: when given, only these ids are considered (the SQL filter's result).
    ///   - minScore: matches scoring below it are left out.
    public func search(
        _ query: [Float], k: Int, candidates: Set<Int64>? = nil, minScore: Float = -.infinity
    ) -> [MatrixMatch] {
        let scan = plan(query, k: k, candidates: candidates, minScore: minScore)
        return scan.run(part: 0)
    }

    func searchRows(_ rows: [Int], query: [Float], k: Int, minScore: Float) -> TopKSelector {
        var selector = TopKSelector(k: k)
        var score: Float = 0
        query.withUnsafeBufferPointer { q in
            guard let q = q.baseAddress else { return }
            for row in rows {
                self.score(rows: row..<(row + 1), query: q, into: &score)
                if score >= minScore { selector.offer(id: ids[row], score: score) }
            }
        }
        return selector
    }

    func scanRange(_ range: Range<Int>, query: [Float], k: Int, minScore: Float, allowed: [Bool]?) -> TopKSelector {
        var selector = TopKSelector(k: k)
        var scores = [Float](repeating: 0, count: Self.blockRows)
        query.withUnsafeBufferPointer { q in
            scores.withUnsafeMutableBufferPointer { buffer in
                guard let q = q.baseAddress, let scoreBase = buffer.baseAddress else { return }
                var blockStart = range.lowerBound
                while blockStart < range.upperBound {
                    let blockEnd = min(range.upperBound, blockStart + Self.blockRows)
                    score(rows: blockStart..<blockEnd, query: q, into: scoreBase)
                    for row in blockStart..<blockEnd {
                        let value = buffer[row - blockStart]
                        guard value >= minScore else { continue }
                        if let allowed, !allowed[row] { continue }
                        selector.offer(id: ids[row], score: value)
                    }
                    blockStart = blockEnd
                }
            }
        }
        return selector
    }
}
