import COnnxRuntime

extension OrtFunctionTable {
    /// The element type recorded in an `OrtTensorTypeAndShapeInfo*`.
    func elementType(of info: OpaquePointer) throws(OnnxRuntimeError) -> TensorElementType {
        var raw: Int32 = 0
        try check(api.GetTensorElementType(info, &raw), "Could not read a tensor element type")
        return TensorElementType(ortValue: raw)
    }

    /// The dimensions recorded in an `OrtTensorTypeAndShapeInfo*`; -1 marks a symbolic axis.
    func dimensions(of info: OpaquePointer) throws(OnnxRuntimeError) -> [Int64] {
        var rank = 0
        try check(api.GetDimensionsCount(info, &rank), "Could not read a tensor rank")
        var values = [Int64](repeating: 0, count: rank)
        guard rank > 0 else { return values }
        let status = values.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { api.GetDimensions(info, $0, rank) }
        }
        try check(status, "Could not read a tensor shape")
        return values
    }

    /// The symbolic axis names recorded in an `OrtTensorTypeAndShapeInfo*` ("" where an axis has none).
    func symbolicDimensions(of info: OpaquePointer, rank: Int) throws(OnnxRuntimeError) -> [String] {
        guard rank > 0 else { return [] }
        var names = [UnsafePointer<CChar>?](repeating: nil, count: rank)
        let status = names.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { api.GetSymbolicDimensions(info, $0, rank) }
        }
        try check(status, "Could not read symbolic tensor dimensions")
        // The strings belong to `info`, so they are copied before it is released.
        return names.map { $0.map { String(cString: $0) } ?? "" }
    }

    /// The declared element type and shape in an `OrtTensorTypeAndShapeInfo*`.
    func tensorInfo(named name: String, from info: OpaquePointer) throws(OnnxRuntimeError) -> TensorInfo {
        let sizes = try dimensions(of: info)
        let symbols = try symbolicDimensions(of: info, rank: sizes.count)
        let shape = zip(sizes, symbols).map { size, symbol -> TensorInfo.Dimension in
            size >= 0 ? .fixed(Int(size)) : .symbolic(symbol)
        }
        return TensorInfo(name: name, elementType: try elementType(of: info), shape: shape)
    }
}
