import Foundation
import ViewfinderTestSupport

/// Reference outputs of the tiny test model, recorded with Python onnxruntime.
struct Goldens: Decodable {
    /// The image encoder case: a formula-defined input and its outputs.
    struct Image: Decodable {
        /// The input name, "images".
        let input: String
        /// The input shape, `[2, 3, 224, 224]`.
        let shape: [Int]
        /// The expected `features` output.
        let features: NestedArray
        /// The expected `embeddings` output.
        let embeddings: NestedArray
    }

    /// The text encoder case: token ids, mask and outputs.
    struct Text: Decodable {
        /// The input shape, `[2, L]`.
        let shape: [Int]
        /// The token ids fed to `input_ids`.
        let inputIDs: NestedArray
        /// The mask fed to `attention_mask`.
        let attentionMask: NestedArray
        /// The expected `features` output.
        let features: NestedArray
        /// The expected `embeddings` output.
        let embeddings: NestedArray

        enum CodingKeys: String, CodingKey {
            case shape, features, embeddings
            case inputIDs = "input_ids"
            case attentionMask = "attention_mask"
        }
    }

    /// The image encoder case.
    let image: Image
    /// The text encoder case.
    let text: Text

    /// Loads `Tests/Fixtures/goldens/viewfinder-test-tiny.json`.
    static func load() throws -> Goldens {
        let url = TestPaths.goldens.appendingPathComponent("viewfinder-test-tiny.json")
        return try JSONDecoder().decode(Goldens.self, from: Data(contentsOf: url))
    }
}

/// A JSON array of numbers nested to any depth, flattened row-major with its shape.
struct NestedArray: Decodable {
    /// The size of each nesting level, outermost first.
    let shape: [Int]
    /// The numbers in row-major order.
    let values: [Double]

    /// Decodes a number or an array of nested arrays of equal shape.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            shape = []
            values = [number]
            return
        }
        let children = try container.decode([NestedArray].self)
        guard let first = children.first else {
            shape = [0]
            values = []
            return
        }
        guard children.allSatisfy({ $0.shape == first.shape }) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "ragged nested array")
        }
        shape = [children.count] + first.shape
        values = children.flatMap(\.values)
    }

    /// The largest absolute difference to `actual` of the same shape (infinity on a shape mismatch).
    func maxAbsDifference(to actual: [Float], shape actualShape: [Int]) -> Double {
        guard actualShape == shape, actual.count == values.count else { return .infinity }
        return zip(actual, values).map { abs(Double($0) - $1) }.max() ?? 0
    }
}
