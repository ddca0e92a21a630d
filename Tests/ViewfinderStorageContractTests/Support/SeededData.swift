import Foundation
import ViewfinderCore

/// A deterministic random generator (SplitMix64), so every backend sees the same data set.
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

    /// A unit vector with `dims` components.
    mutating func unitVector(_ dims: Int) -> [Float] {
        let raw = (0..<dims).map { _ in Float.random(in: -1...1, using: &self) }
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return raw.map { $0 / norm }
    }
}

/// Builders for photos with varied metadata.
enum SeededData {
    static let cameras = [("Canon", "EOS 5D Mark IV"), ("NIKON CORPORATION", "NIKON D750"), ("Apple", "iPhone 12"), ("FUJIFILM", "X-T3")]
    static let words = ["beach", "mountain", "snow", "family", "sunset", "city", "forest", "river"]
    static let start = Date(timeIntervalSince1970: 1_577_836_800)  // 2020-01-01 UTC

    /// A scanned file under `/library`.
    static func file(_ index: Int, size: Int64 = 1000) -> LibraryFile {
        LibraryFile(
            root: "/library", relativePath: "folder\(index % 5)/photo-\(index).jpg", size: size + Int64(index),
            modifiedAt: Date(timeIntervalSince1970: 1_700_000_000.25 + Double(index)))
    }

    /// Metadata chosen by `generator`; some photos lack dates, cameras or positions.
    static func metadata(_ index: Int, _ generator: inout SeededGenerator) -> PhotoMetadata {
        let camera = cameras[Int.random(in: 0..<cameras.count, using: &generator)]
        let hasDate = index % 7 != 0
        let hasPosition = index % 3 != 0
        let keywordCount = Int.random(in: 0...2, using: &generator)
        let keywords = (0..<keywordCount).map { _ in words[Int.random(in: 0..<words.count, using: &generator)] }
        // Whole milliseconds, which every backend stores exactly.
        let taken = start.addingTimeInterval(Double(Int.random(in: 0..<(3 * 365 * 86_400), using: &generator)) + 0.125)
        return PhotoMetadata(
            takenAt: hasDate ? taken : nil, takenAtLocal: hasDate ? taken.addingTimeInterval(3600) : nil,
            takenAtSource: hasDate ? .meta : .unknown,
            cameraMake: index % 11 == 0 ? nil : camera.0, cameraModel: index % 11 == 0 ? nil : camera.1,
            lens: "Lens \(index % 4)", iso: 100 * (1 + index % 8), fNumber: 2.8, exposure: "1/250", focalLength: 35,
            latitude: hasPosition ? Double.random(in: -60...60, using: &generator).rounded(toPlaces: 6) : nil,
            longitude: hasPosition ? Double.random(in: -170...170, using: &generator).rounded(toPlaces: 6) : nil,
            altitude: hasPosition ? 120.5 : nil,
            title: "Photo \(index)", description: index % 2 == 0 ? "A \(words[index % words.count]) picture" : nil,
            keywords: keywords)
    }
}

extension Double {
    /// Rounded to `places` decimals.
    func rounded(toPlaces places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}
