import Dispatch

extension VectorMatrix {
    /// Rows scored per block: big enough to amortise calls, small enough to stay in cache.
    private static let blockRows = 4096

    /// The exact `k` best matches for `query`, best first.
    ///
    /// - Parameters:
    ///   - candidates: when given, only these ids are considered (the SQL filter's result).
    ///   - minScore: matches scoring below it are left out.
    ///   - threads: how many threads a large scan may use (the caller's pool should not be the cooperative one).
    public func search(
        _ query: [Float], k: Int, candidates: Set<Int64>? = nil, minScore: Float = -.infinity, threads: Int = 1
    ) -> [MatrixMatch] {
        precondition(query.count == dims, "query has \(query.count) components, the matrix \(dims)")
        guard k > 0, count > 0 else { return [] }
        if let candidates {
            let rows = candidates.compactMap { row(of: $0) }
            // A selective filter scores only its rows; a broad one scans everything and checks membership.
            if rows.count * 4 < count { return searchRows(rows, query: query, k: k, minScore: minScore) }
            var allowed = [Bool](repeating: false, count: count)
            for row in rows { allowed[row] = true }
            return scan(query, k: k, minScore: minScore, threads: threads, allowed: allowed)
        }
        return scan(query, k: k, minScore: minScore, threads: threads, allowed: nil)
    }

    private func searchRows(_ rows: [Int], query: [Float], k: Int, minScore: Float) -> [MatrixMatch] {
        var selector = TopKSelector(k: k)
        var score: Float = 0
        query.withUnsafeBufferPointer { q in
            guard let q = q.baseAddress else { return }
            for row in rows {
                self.score(rows: row..<(row + 1), query: q, into: &score)
                if score >= minScore { selector.offer(id: ids[row], score: score) }
            }
        }
        return selector.sorted()
    }

    private func scan(_ query: [Float], k: Int, minScore: Float, threads: Int, allowed: [Bool]?) -> [MatrixMatch] {
        // Below about a million multiply-adds a second thread costs more than it saves.
        let chunks = count * dims >= 1 << 20 ? max(1, min(threads, 8)) : 1
        let rowsPerChunk = (count + chunks - 1) / chunks
        var selectors = [TopKSelector](repeating: TopKSelector(k: k), count: chunks)
        selectors.withUnsafeMutableBufferPointer { results in
            nonisolated(unsafe) let results = results
            let work: @Sendable (Int) -> Void = { chunk in
                let start = chunk * rowsPerChunk
                let end = min(count, start + rowsPerChunk)
                guard start < end else { return }
                results[chunk] = scanRange(start..<end, query: query, k: k, minScore: minScore, allowed: allowed)
            }
            if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
        }
        var merged = TopKSelector(k: k)
        for selector in selectors { merged.merge(selector) }
        return merged.sorted()
    }

    private func scanRange(_ range: Range<Int>, query: [Float], k: Int, minScore: Float, allowed: [Bool]?) -> TopKSelector {
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
