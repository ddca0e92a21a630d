import Testing

@testable import VectorIndex

/// The in-process index against a naive exact implementation on seeded random data.
struct VectorMatrixTests {
    /// A small deterministic generator (SplitMix64) so datasets are reproducible.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func unitVectors(count: Int, dims: Int, seed: UInt64) -> [[Float]] {
        var generator = SeededGenerator(state: seed)
        return (0..<count).map { _ in
            let raw = (0..<dims).map { _ in Float.random(in: -1...1, using: &generator) }
            let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return raw.map { $0 / norm }
        }
    }

    static func naive(_ vectors: [Int64: [Float]], _ query: [Float], k: Int, allowed: Set<Int64>? = nil, minScore: Float = -.infinity) -> [MatrixMatch] {
        vectors.compactMap { id, vector -> MatrixMatch? in
            if let allowed, !allowed.contains(id) { return nil }
            var score: Float = 0
            for i in 0..<vector.count { score += vector[i] * query[i] }
            return score >= minScore ? MatrixMatch(id: id, score: score) : nil
        }
        .sorted { $0.ranksBefore($1) }
        .prefix(k)
        .map { $0 }
    }

    private func build(_ vectors: [[Float]], dims: Int, precision: MatrixPrecision = .float32) -> (VectorMatrix, [Int64: [Float]]) {
        var matrix = VectorMatrix(dims: dims, precision: precision)
        var byID: [Int64: [Float]] = [:]
        for (index, vector) in vectors.enumerated() {
            let id = Int64(index * 7 + 3)
            matrix.upsert(id: id, vector: vector)
            byID[id] = vector
        }
        return (matrix, byID)
    }

    private func expectSame(_ got: [MatrixMatch], _ expected: [MatrixMatch], tolerance: Float = 1e-5) {
        #expect(got.map(\.id) == expected.map(\.id))
        for (a, b) in zip(got, expected) { #expect(abs(a.score - b.score) <= tolerance) }
    }

    @Test(arguments: [3, 64, 256, 257])
    func float32SearchEqualsBruteForce(dims: Int) {
        let (matrix, byID) = build(Self.unitVectors(count: 3000, dims: dims, seed: UInt64(dims)), dims: dims)
        for query in Self.unitVectors(count: 5, dims: dims, seed: 99) {
            expectSame(matrix.search(query, k: 10), Self.naive(byID, query, k: 10))
            expectSame(Self.partsMerged(matrix.plan(query, k: 10, threads: 2)), Self.naive(byID, query, k: 10))
        }
    }

    @Test func largeScansSplitAcrossThreadsGiveTheSameAnswer() {
        let dims = 64
        let (matrix, byID) = build(Self.unitVectors(count: 40_000, dims: dims, seed: 5), dims: dims)
        let query = Self.unitVectors(count: 1, dims: dims, seed: 6)[0]
        let single = matrix.search(query, k: 25)
        let scan = matrix.plan(query, k: 25, threads: 2)
        #expect(scan.parts == 2)
        let parallel = Self.partsMerged(scan)
        #expect(single == parallel)
        expectSame(parallel, Self.naive(byID, query, k: 25))
        // Every part is needed: leaving one out loses matches.
        #expect(scan.merge([scan.run(part: 0)]) != parallel)
    }

    /// Every part of `scan` run (in order) and merged, as a pool would.
    private static func partsMerged(_ scan: MatrixScan) -> [MatrixMatch] {
        scan.merge((0..<scan.parts).map { scan.run(part: $0) })
    }

    @Test func candidateFiltersAreAppliedBeforeRanking() {
        let dims = 32
        let (matrix, byID) = build(Self.unitVectors(count: 2000, dims: dims, seed: 11), dims: dims)
        let query = Self.unitVectors(count: 1, dims: dims, seed: 12)[0]
        let ids = Array(byID.keys).sorted()
        let selective = Set(ids.enumerated().filter { $0.offset % 20 == 0 }.map(\.element))
        let broad = Set(ids.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        for allowed in [selective, broad, Set<Int64>(), Set([Int64(-1)])] {
            expectSame(matrix.search(query, k: 15, candidates: allowed), Self.naive(byID, query, k: 15, allowed: allowed))
        }
    }

    @Test func minScoreLeavesOutWeakMatches() {
        let dims = 16
        let (matrix, byID) = build(Self.unitVectors(count: 500, dims: dims, seed: 21), dims: dims)
        let query = Self.unitVectors(count: 1, dims: dims, seed: 22)[0]
        let results = matrix.search(query, k: 500, minScore: 0.5)
        #expect(results.allSatisfy { $0.score >= 0.5 })
        expectSame(results, Self.naive(byID, query, k: 500, minScore: 0.5))
        #expect(results.count < 500)
    }

    @Test func upsertReplacesAndRemoveForgets() {
        var matrix = VectorMatrix(dims: 2)
        matrix.upsert(id: 1, vector: [1, 0])
        matrix.upsert(id: 2, vector: [0, 1])
        matrix.upsert(id: 3, vector: [0.6, 0.8])
        matrix.upsert(id: 1, vector: [-1, 0])
        #expect(matrix.count == 3)
        #expect(matrix.search([1, 0], k: 1).first?.id == 3)
        matrix.remove(id: 3)
        matrix.remove(id: 42)
        #expect(matrix.count == 2)
        #expect(!matrix.contains(3))
        #expect(matrix.vector(for: 2) == [0, 1])
        #expect(matrix.search([1, 0], k: 3).map(\.id) == [2, 1])
    }

    @Test(arguments: [(MatrixPrecision.float16, Float(2e-3)), (MatrixPrecision.int8, Float(2.5e-2))])
    func quantisedStorageStaysCloseToExactScores(precision: MatrixPrecision, tolerance: Float) {
        let dims = 256
        let vectors = Self.unitVectors(count: 2000, dims: dims, seed: 31)
        let (matrix, byID) = build(vectors, dims: dims, precision: precision)
        let query = Self.unitVectors(count: 1, dims: dims, seed: 32)[0]
        let approximate = matrix.search(query, k: 2000)
        let exact = Dictionary(uniqueKeysWithValues: Self.naive(byID, query, k: 2000).map { ($0.id, $0.score) })
        #expect(approximate.count == 2000)
        for match in approximate { #expect(abs(match.score - (exact[match.id] ?? 99)) <= tolerance) }
        let exactTop = Set(Self.naive(byID, query, k: 10).map(\.id))
        let recall = Double(Set(matrix.search(query, k: 10).map(\.id)).intersection(exactTop).count) / 10
        #expect(recall >= 0.8)
    }

    @Test func halfPrecisionRoundTripsRepresentableValues() {
        var matrix = VectorMatrix(dims: 4, precision: .float16)
        matrix.upsert(id: 1, vector: [0.5, -0.25, 1, 0])
        #expect(matrix.vector(for: 1) == [0.5, -0.25, 1, 0])
    }
}
