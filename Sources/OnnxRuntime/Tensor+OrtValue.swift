import COnnxRuntime

extension Tensor {
    /// Runs `body` with an `OrtValue*` that views this tensor's memory; the value is released afterwards.
    ///
    /// The value borrows the Swift buffer without copying, so it must not escape `body`.
    func withOrtValue<Result>(
        named name: String,
        functions: OrtFunctionTable,
        memoryInfo: OpaquePointer,
        _ body: (OpaquePointer) throws(OnnxRuntimeError) -> Result
    ) throws(OnnxRuntimeError) -> Result {
        let dimensions = shape.map(Int64.init)
        var placeholder: Int64 = 0
        return try withUnsafeRawBytes { (bytes: UnsafeRawBufferPointer) throws(OnnxRuntimeError) -> Result in
            var created: OpaquePointer?
            try dimensions.withUnsafeBufferPointer { (dims: UnsafeBufferPointer<Int64>) throws(OnnxRuntimeError) in
                try withUnsafeMutablePointer(to: &placeholder) { fallback throws(OnnxRuntimeError) in
                    // An empty buffer may have no address; ORT reads neither pointer then but requires non-null.
                    // ORT never writes to input tensors: the mutable pointer is only what the C signature asks for.
                    let data = UnsafeMutableRawPointer(mutating: bytes.baseAddress) ?? UnsafeMutableRawPointer(fallback)
                    let shapePointer = dims.baseAddress ?? UnsafePointer(fallback)
                    try functions.check(
                        functions.api.CreateTensorWithDataAsOrtValue(
                            memoryInfo, data, bytes.count, shapePointer, dims.count, elementType.rawValue, &created
                        ),
                        "Could not create input tensor '\(name)'",
                        code: .invalidArgument
                    )
                }
            }
            guard let value = created else {
                throw OnnxRuntimeError(.runtimeFailure, "ONNX Runtime returned no tensor for input '\(name)'")
            }
            defer { functions.api.ReleaseValue(value) }
            // `body` runs inside the buffer scope, so the borrowed memory outlives every use of the value.
            return try body(value)
        }
    }

    /// Copies an output `OrtValue*` into a new tensor; the caller still owns and releases `value`.
    static func copying(
        _ value: OpaquePointer,
        named name: String,
        functions: OrtFunctionTable
    ) throws(OnnxRuntimeError) -> Tensor {
        var created: OpaquePointer?
        try functions.check(
            functions.api.GetTensorTypeAndShape(value, &created),
            "Output '\(name)' is not a tensor",
            code: .unsupportedElementType
        )
        guard let info = created else {
            throw OnnxRuntimeError(.runtimeFailure, "ONNX Runtime returned no type information for output '\(name)'")
        }
        defer { functions.api.ReleaseTensorTypeAndShapeInfo(info) }
        let elementType = try functions.elementType(of: info)
        let shape = try functions.dimensions(of: info).map(Int.init)
        let count = try elementCount(of: shape)

        var rawData: UnsafeMutableRawPointer?
        try functions.check(functions.api.GetTensorMutableData(value, &rawData), "Could not read output '\(name)'")
        if count > 0, rawData == nil {
            throw OnnxRuntimeError(.runtimeFailure, "ONNX Runtime returned no data for output '\(name)'")
        }
        let storage: Storage
        switch elementType {
        case .float32: storage = .float32(copyElements(from: rawData, count: count))
        case .float16: storage = .float16(copyElements(from: rawData, count: count))
        case .int32: storage = .int32(copyElements(from: rawData, count: count))
        case .int64: storage = .int64(copyElements(from: rawData, count: count))
        default:
            throw OnnxRuntimeError(
                .unsupportedElementType,
                "Output '\(name)' has element type \(elementType); only float32, float16, int32 and int64 are supported"
            )
        }
        return try Tensor(shape: shape, storage: storage)
    }

    /// Copies `count` elements of type `Element` starting at `data` (which may be nil only when `count` is 0).
    private static func copyElements<Element>(from data: UnsafeMutableRawPointer?, count: Int) -> [Element] {
        guard let data, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data.assumingMemoryBound(to: Element.self), count: count))
    }

    /// Runs `body` with the raw bytes of the elements.
    // Array.withUnsafeBytes only rethrows untyped errors; withUnsafeBufferPointer keeps the typed error.
    private func withUnsafeRawBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws(OnnxRuntimeError) -> Result
    ) throws(OnnxRuntimeError) -> Result {
        switch storage {
        case .float32(let values):
            try values.withUnsafeBufferPointer { buffer throws(OnnxRuntimeError) in try body(UnsafeRawBufferPointer(buffer)) }
        case .float16(let values):
            try values.withUnsafeBufferPointer { buffer throws(OnnxRuntimeError) in try body(UnsafeRawBufferPointer(buffer)) }
        case .int32(let values):
            try values.withUnsafeBufferPointer { buffer throws(OnnxRuntimeError) in try body(UnsafeRawBufferPointer(buffer)) }
        case .int64(let values):
            try values.withUnsafeBufferPointer { buffer throws(OnnxRuntimeError) in try body(UnsafeRawBufferPointer(buffer)) }
        }
    }
}
