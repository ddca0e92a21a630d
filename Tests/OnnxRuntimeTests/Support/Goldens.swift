import Foundation
import ViewfinderTestSupport

/// Reference outputs of the tiny test model, recorded with Python onnxruntime.
struct Goldens: Decodable {
    /// The image encoder case: a formula-defined input and its outputs.
    struct Image: Decodable {
        let input: String
        let shape: [Int]
        let features: [[Double]]
        let embeddings: [[Double]]
    }

    /// The text encoder case: token ids, mask and outputs.
    struct Text: Decodable {
        let shape: [Int]
        let inputIDs: [[Int64]]
        let attentionMask: [[Int64]]
        let features: [[Double]]
        let embeddings: [[Double]]

        enum CodingKeys: String, CodingKey {
            case shape, features, embeddings
            case inputIDs = "input_ids"
            case attentionMask = "attention_mask"
        }
    }

    let image: Image
    let text: Text

    /// Loads `Tests/Fixtures/goldens/viewfinder-test-tiny.json`.
    static func load() throws -> Goldens {
        let url = TestPaths.goldens.appendingPathComponent("viewfinder-test-tiny.json")
        return try JSONDecoder().decode(Goldens.self, from: Data(contentsOf: url))
    }

    /// The largest absolute difference between `actual` rows and `expected` rows (infinity on a shape mismatch).
    static func maxAbsDifference(_ actual: [[Float]], _ expected: [[Double]]) -> Double {
        guard actual.count == expected.count,
              zip(actual, expected).allSatisfy({ $0.count == $1.count })
        else { return .infinity }
        return zip(actual, expected)
            .flatMap { zip($0, $1).map { abs(Double($0) - $1) } }
            .max() ?? 0
    }
}
