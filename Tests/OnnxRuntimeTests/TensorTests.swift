import OnnxRuntime
import Testing

/// Tensor validation, typed access and half-precision conversion.
@Suite("Tensor values")
struct TensorTests {
    @Test("element counts must match the shape")
    func countValidation() throws {
        #expect(throws: OnnxRuntimeError.self) { try Tensor(shape: [2, 3], floats: [1, 2, 3]) }
        #expect(throws: OnnxRuntimeError.self) { try Tensor(shape: [-1, 3], floats: [1, 2, 3]) }
        #expect(throws: OnnxRuntimeError.self) { try Tensor(shape: [Int.max, 3], floats: []) }
        let scalar = try Tensor(shape: [], floats: [7])
        #expect(scalar.elementCount == 1)
        let error = try #require(throws: OnnxRuntimeError.self) { try Tensor(shape: [2, 2], int64s: [1]) }
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("[2, 2]"))
    }

    @Test("typed accessors refuse the wrong element type")
    func accessors() throws {
        let ints = try Tensor(shape: [2], int32s: [1, 2])
        #expect(throws: OnnxRuntimeError.self) { try ints.floats() }
        #expect(throws: OnnxRuntimeError.self) { try ints.int64s() }
        #expect(try ints.int32s() == [1, 2])
        #expect(throws: OnnxRuntimeError.self) { try Tensor(shape: [2], floats: [1, 2]).floatRows() }
    }

    #if !(os(macOS) && arch(x86_64))
    @Test("half-precision widening is exact for every bit pattern")
    func halfToFloat() throws {
        let patterns = (0...UInt16.max).map { $0 }
        let widened = try Tensor(shape: [patterns.count], storage: .float16(patterns)).floats()
        for (bits, value) in zip(patterns, widened) {
            let reference = Float(Float16(bitPattern: bits))
            if reference.isNaN {
                #expect(value.isNaN)
            } else if value.bitPattern != reference.bitPattern {
                Issue.record("half \(bits) widened to \(value), expected \(reference)")
            }
        }
    }

    @Test("float to half rounding matches Float16 (nearest, ties to even)")
    func floatToHalf() throws {
        var values: [Float] = [
            0, -0, 1, -1, 65504, 65519.99, 65520, 1e-8, 2.98e-8, 5.96e-8, 6.1e-5, .infinity, -.infinity,
        ]
        var generator = SplitMix64(seed: 42)
        for _ in 0..<200_000 {
            values.append(Float(bitPattern: UInt32(truncatingIfNeeded: generator.next())))
        }
        // Exact ties in the subnormal and normal ranges.
        values += [Float(0x1p-25), Float(0x1.8p-24), 1 + Float(0x1p-11), 1 + Float(0x1.8p-10)]
        let halves = try Tensor(shape: [values.count], float16From: values)
        guard case .float16(let bits) = halves.storage else {
            Issue.record("expected float16 storage")
            return
        }
        for (value, half) in zip(values, bits) where !value.isNaN {
            let reference = Float16(value).bitPattern
            if half != reference {
                Issue.record("\(value) rounded to half \(half), expected \(reference)")
            }
        }
        for (value, half) in zip(values, bits) where value.isNaN {
            #expect(half & 0x7C00 == 0x7C00 && half & 0x3FF != 0)
        }
    }
    #endif
}

/// A small deterministic generator for test inputs.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 pseudo-random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
