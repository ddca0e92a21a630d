extension Tensor {
    /// The elements as floats: float32 as stored, float16 widened exactly.
    public func floats() throws(OnnxRuntimeError) -> [Float] {
        switch storage {
        case .float32(let values): return values
        case .float16(let bits): return bits.map(HalfFloat.float(from:))
        case .int32, .int64:
            throw OnnxRuntimeError(.unsupportedElementType, "Expected a float tensor but got \(elementType)")
        }
    }

    /// The elements of an int32 tensor.
    public func int32s() throws(OnnxRuntimeError) -> [Int32] {
        guard case .int32(let values) = storage else {
            throw OnnxRuntimeError(.unsupportedElementType, "Expected an int32 tensor but got \(elementType)")
        }
        return values
    }

    /// The elements of an int64 tensor.
    public func int64s() throws(OnnxRuntimeError) -> [Int64] {
        guard case .int64(let values) = storage else {
            throw OnnxRuntimeError(.unsupportedElementType, "Expected an int64 tensor but got \(elementType)")
        }
        return values
    }

    /// The rows of a rank-2 float tensor `[N, D]`, e.g. one embedding per row.
    public func floatRows() throws(OnnxRuntimeError) -> [[Float]] {
        guard shape.count == 2 else {
            throw OnnxRuntimeError(.invalidArgument, "Expected a rank-2 tensor but got shape \(shape)")
        }
        let values = try floats()
        let width = shape[1]
        return (0..<shape[0]).map { row in Array(values[(row * width)..<((row + 1) * width)]) }
    }
}
