import Foundation
import NIOPosix
import ViewfinderVectorSearch
import ViewfinderCore

/// A deterministic random generator (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A vector of random length and direction (not normalised, to exercise the index's normalisation).
    mutating func vector(_ dims: Int) -> [Float] {
        let scale = Float.random(in: 0.5...3, using: &self)
        return (0..<dims).map { _ in Float.random(in: -1...1, using: &self) * scale }
    }
}

/// Builders and the naive reference the index is checked against.
enum TestLibrary {
    /// The pool the tests' scans run on.
    static let pool = VectorScanPool(threadPool: NIOThreadPool.singleton)

    static let model: ModelID = "test-model"

    /// An indexed photo `index` with `vector`.
    static func photo(_ index: Int, _ vector: [Float], root: String = "/library") -> IndexedPhoto {
        let file = LibraryFile(
            root: root, relativePath: "photo-\(index).jpg", size: 1000 + Int64(index),
            modifiedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)))
        return IndexedPhoto(
            file: file, contentHash: "hash-\(index)", width: 100, height: 100,
            embedding: Embedding(model: model, vector: vector))
    }

    /// Exact cosine ranking in double precision: higher similarity first, then smaller id.
    static func bruteForce(_ query: [Float], _ vectors: [Int64: [Float]], among ids: Set<Int64>, limit: Int) -> [VectorMatch] {
        func cosine(_ a: [Float], _ b: [Float]) -> Double {
            var dot = 0.0, na = 0.0, nb = 0.0
            for i in a.indices {
                dot += Double(a[i]) * Double(b[i])
                na += Double(a[i]) * Double(a[i])
                nb += Double(b[i]) * Double(b[i])
            }
            return na > 0 && nb > 0 ? dot / (na * nb).squareRoot() : 0
        }
        let scored = vectors.filter { ids.contains($0.key) }.map { (id: $0.key, score: cosine(query, $0.value)) }
        return scored.sorted { $0.score > $1.score || ($0.score == $1.score && $0.id < $1.id) }
            .prefix(limit).map { VectorMatch(photoID: $0.id, similarity: Float($0.score)) }
    }
}
