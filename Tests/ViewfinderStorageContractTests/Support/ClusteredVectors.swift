import Foundation

/// Seeded vectors shaped like a photo library's CLIP space rather than uniform noise (on which an HNSW graph has no
/// neighbourhoods to exploit): a Gaussian mixture on the unit sphere, as in `tools/bench/search_reference.py`.
///
/// Topic sizes follow a power law, every vector shares one direction (unrelated photos still have cosine ≈ 0.4)
/// and queries sit near a random topic with a wider spread than the photos.
struct ClusteredVectors {
    /// The vector dimension.
    let dims: Int
    private let centres: [[Float]]
    private let shared: [Float]
    private let cumulativeWeights: [Double]

    /// Topic centres and weights drawn from `seed`.
    init(dims: Int, topics: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        self.dims = dims
        centres = (0..<topics).map { _ in Self.normalised(Self.gaussian(dims, &generator)) }
        shared = Self.normalised(Self.gaussian(dims, &generator))
        var total = 0.0
        cumulativeWeights = (1...topics).map { rank in
            total += pow(Double(rank), -0.7)
            return total
        }
    }

    /// `count` photo vectors.
    func photos(_ count: Int, seed: UInt64) -> [[Float]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let draw = Double.random(in: 0..<(cumulativeWeights.last ?? 1), using: &generator)
            let topic = cumulativeWeights.firstIndex { draw < $0 } ?? 0
            return sample(topic: topic, spread: 0.8, &generator)
        }
    }

    /// `count` query vectors, each near a uniformly chosen topic.
    func queries(_ count: Int, seed: UInt64) -> [[Float]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            sample(topic: Int.random(in: 0..<centres.count, using: &generator), spread: 1.2, &generator)
        }
    }

    private func sample(topic: Int, spread: Float, _ generator: inout SeededGenerator) -> [Float] {
        let noise = Self.gaussian(dims, &generator)
        let scale = spread / Float(dims).squareRoot()
        return Self.normalised((0..<dims).map { 0.9 * shared[$0] + centres[topic][$0] + scale * noise[$0] })
    }

    private static func gaussian(_ count: Int, _ generator: inout SeededGenerator) -> [Float] {
        (0..<count).map { _ in
            // Box–Muller; the first uniform is kept away from 0 so the logarithm is finite.
            let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
            let v = Double.random(in: 0..<1, using: &generator)
            return Float((-2 * log(u)).squareRoot() * cos(2 * Double.pi * v))
        }
    }

    private static func normalised(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return vector.map { $0 / norm }
    }
}
