public import VectorIndex
public import ViewfinderCore

/// The in-memory vectors of one (model, dims) space (public for the benchmark): the matrix that is scanned and, for reduced precisions,
/// the float32 rows that re-score its best candidates.
public struct VectorSpaceIndex: Sendable {
    /// The scanned rows (unit length).
    private(set) var scanned: VectorMatrix
    /// Exact rows for re-scoring; nil when `scanned` is float32 already.
    private(set) var exact: VectorMatrix?
    /// The largest component magnitude ever stored, bounding the quantisation error.
    private(set) var largestComponent: Float = 0

    /// Creates an empty space.
    public init(dims: Int, precision: MatrixPrecision) {
        scanned = VectorMatrix(dims: dims, precision: precision)
        exact = precision == .float32 ? nil : VectorMatrix(dims: dims, precision: .float32)
    }

    /// Number of stored vectors.
    public var count: Int { scanned.count }

    /// Approximate bytes held per photo.
    public var bytesPerPhoto: Int { scanned.bytesPerVector + (exact?.bytesPerVector ?? 0) }

    /// Stores the unit-length direction of `vector` for `id`.
    public mutating func upsert(id: Int64, vector: [Float]) {
        let unit = VectorMath.normalized(vector)
        largestComponent = unit.reduce(largestComponent) { max($0, abs($1)) }
        scanned.upsert(id: id, vector: unit)
        exact?.upsert(id: id, vector: unit)
    }

    /// Removes `id`'s vector, if any.
    public mutating func remove(id: Int64) {
        scanned.remove(id: id)
        exact?.remove(id: id)
    }

    /// The exact `limit` best matches for `query` (any length; it is normalised), among `candidates` when given.
    ///
    /// Scans run on `pool`, each split into at most `threads` parts.
    public func nearest(
        _ query: [Float], limit: Int, candidates: Set<Int64>?, on pool: VectorScanPool, threads: Int
    ) async throws(ViewfinderError) -> [VectorMatch] {
        guard limit > 0, count > 0 else { return [] }
        let unit = VectorMath.normalized(query)
        guard let exact else {
            let scan = scanned.plan(unit, k: limit, candidates: candidates, threads: threads)
            return try await pool.run(scan).map { VectorMatch(photoID: $0.id, similarity: $0.score) }
        }
        // Every approximate score is within `bound` of the exact one, so any true top-`limit` row scores at least
        // (limit-th approximate score − 2 × bound) approximately: re-scoring every row above that is exact.
        let bound = errorBound(for: unit)
        var wanted = max(limit * 4, limit + 32)
        while true {
            let scan = scanned.plan(unit, k: wanted, candidates: candidates, threads: threads)
            let approximate = try await pool.run(scan)
            let complete = approximate.count < wanted || wanted >= count
            let cutoff = approximate.count >= limit ? approximate[limit - 1].score - 2 * bound : -.infinity
            if complete || (approximate.last?.score ?? -.infinity) < cutoff {
                return Self.rescore(approximate.filter { $0.score >= cutoff }, query: unit, exact: exact, limit: limit)
            }
            wanted = min(count, wanted * 4)
        }
    }

    private func errorBound(for unit: [Float]) -> Float {
        let l1 = unit.reduce(Float(0)) { $0 + abs($1) }
        let rounding: Float
        switch scanned.precision {
        case .float32: rounding = 0
        case .float16: rounding = largestComponent / 2048 + 1 / 33_554_432
        case .int8: rounding = largestComponent / 254
        }
        let accumulation = Float(scanned.dims) * 1.2e-7 * largestComponent
        return l1 * (rounding + accumulation) + 1e-6
    }

    private static func rescore(_ candidates: [MatrixMatch], query: [Float], exact: VectorMatrix, limit: Int) -> [VectorMatch] {
        var scored: [VectorMatch] = []
        scored.reserveCapacity(candidates.count)
        for candidate in candidates {
            guard let row = exact.vector(for: candidate.id) else { continue }
            scored.append(VectorMatch(photoID: candidate.id, similarity: VectorMath.dot(query, row)))
        }
        scored.sort { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.photoID < $1.photoID) }
        return Array(scored.prefix(limit))
    }
}
