import Foundation

/// The generated models the tests run, with the reference math to check them against.
enum TestModels {
    /// The fixed 4×3 weight matrix of ``affine``.
    static let affineWeights: [Float] = (0..<12).map { Float($0) * 0.25 - 1.5 }

    /// `y = x · W` with `x: float32[batch, 4]`, plus `y16`, the same result cast to float16.
    static var affine: OnnxModelBuilder {
        OnnxModelBuilder(
            inputs: [.init(name: "x", type: .float, dims: [.param("batch"), .value(4)])],
            outputs: [
                .init(name: "y", type: .float, dims: [.param("batch"), .value(3)]),
                .init(name: "y16", type: .float16, dims: [.param("batch"), .value(3)]),
            ],
            nodes: [
                .init(opType: "MatMul", inputs: ["x", "W"], outputs: ["y"]),
                .init(opType: "Cast", inputs: ["y"], outputs: ["y16"], intAttributes: [("to", 10)]),
            ],
            initializers: [.init(name: "W", dims: [4, 3], values: affineWeights)]
        )
    }

    /// The expected `x · W` for ``affine``, computed in Double.
    static func affineReference(_ x: [Float], rows: Int) -> [Float] {
        (0..<rows).flatMap { row in
            (0..<3).map { column in
                Float((0..<4).reduce(0.0) { sum, k in
                    sum + Double(x[row * 4 + k]) * Double(affineWeights[k * 3 + column])
                })
            }
        }
    }

    /// Identity passthroughs for int32 `a`, int64 `b` and float16 `h`, each of shape `[n]`.
    static var identities: OnnxModelBuilder {
        OnnxModelBuilder(
            inputs: [
                .init(name: "a", type: .int32, dims: [.param("n")]),
                .init(name: "b", type: .int64, dims: [.param("n")]),
                .init(name: "h", type: .float16, dims: [.param("n")]),
            ],
            outputs: [
                .init(name: "a_out", type: .int32, dims: [.param("n")]),
                .init(name: "b_out", type: .int64, dims: [.param("n")]),
                .init(name: "h_out", type: .float16, dims: [.param("n")]),
            ],
            nodes: [
                .init(opType: "Identity", inputs: ["a"], outputs: ["a_out"]),
                .init(opType: "Identity", inputs: ["b"], outputs: ["b_out"]),
                .init(opType: "Identity", inputs: ["h"], outputs: ["h_out"]),
            ]
        )
    }

    /// `y = x · W` with a 1 MiB weight `W: [256, 1024]`: big enough that leaked sessions or outputs show in RSS.
    static var wide: OnnxModelBuilder {
        OnnxModelBuilder(
            inputs: [.init(name: "x", type: .float, dims: [.param("batch"), .value(256)])],
            outputs: [.init(name: "y", type: .float, dims: [.param("batch"), .value(1024)])],
            nodes: [.init(opType: "MatMul", inputs: ["x", "W"], outputs: ["y"])],
            initializers: [
                .init(name: "W", dims: [256, 1024], values: (0..<(256 * 1024)).map { Float($0 % 17) / 17 - 0.5 })
            ]
        )
    }
}
