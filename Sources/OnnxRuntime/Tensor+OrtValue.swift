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
        try withUnsafeRawBytes { bytes throws(OnnxRuntimeError) -> Result in
            let value = try makeValue(viewing: bytes, named: name, functions: functions, memoryInfo: memoryInfo)
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

    /// Creates an `OrtValue*` over `bytes` with this tensor's shape and element type; the caller releases it.
    private func makeValue(
        viewing bytes: UnsafeRawBufferPointer,
        named name: String,
        functions: OrtFunctionTable,
        memoryInfo: OpaquePointer
    ) throws(OnnxRuntimeError) -> OpaquePointer {
        // ORT requires non-null pointers even where it reads nothing (no elements, or rank 0),
        // so empty arrays, which may have no address, borrow this placeholder instead.
        var placeholder: Int64 = 0
        var created: OpaquePointer?
        let dimensions = shape.map(Int64.init)
        let status = dimensions.withUnsafeBufferPointer { dims in
            withUnsafeMutablePointer(to: &placeholder) { fallback in
                // ORT never writes to input tensors; the mutable pointer is only what the C signature asks for.
                functions.api.CreateTensorWithDataAsOrtValue(
                    memoryInfo,
                    UnsafeMutableRawPointer(mutating: bytes.baseAddress) ?? UnsafeMutableRawPointer(fallback),
                    bytes.count,
                    dims.baseAddress ?? UnsafePointer(fallback),
                    dims.count,
                    elementType.rawValue,
                    &created
                )
            }
        }
        try functions.check(status, "Could not create input tensor '\(name)'", code: .invalidArgument)
        guard let value = created else {
            throw OnnxRuntimeError(.runtimeFailure, "ONNX Runtime returned no tensor for input '\(name)'")
        }
        return value
    }

    /// Copies `count` elements of type `Element` starting at `data` (which may be nil only when `count` is 0).
    private static func copyElements<Element>(from data: UnsafeMutableRawPointer?, count: Int) -> [Element] {
        guard let data, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data.assumingMemoryBound(to: Element.self), count: count))
    }

    /// Runs `body` with the raw bytes of the elements.
    private func withUnsafeRawBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws(OnnxRuntimeError) -> Result
    ) throws(OnnxRuntimeError) -> Result {
        switch storage {
        case .float32(let values): try Self.withRawBytes(of: values, body)
        case .float16(let values): try Self.withRawBytes(of: values, body)
        case .int32(let values): try Self.withRawBytes(of: values, body)
        case .int64(let values): try Self.withRawBytes(of: values, body)
        }
    }

    /// Runs `body` with the raw bytes of `values`.
    // Array.withUnsafeBytes only rethrows untyped errors; withUnsafeBufferPointer keeps the typed error.
    private static func withRawBytes<Element, Result>(
        of values: [Element],
        _ body: (UnsafeRawBufferPointer) throws(OnnxRuntimeError) -> Result
    ) throws(OnnxRuntimeError) -> Result {
        try values.withUnsafeBufferPointer { buffer throws(OnnxRuntimeError) in
            try body(UnsafeRawBufferPointer(buffer))
        }
    }
}
