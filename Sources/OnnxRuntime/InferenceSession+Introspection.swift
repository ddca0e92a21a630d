import COnnxRuntime

extension InferenceSession {
    /// Which side of the model to describe.
    enum Side {
        /// The model's inputs.
        case input
        /// The model's outputs.
        case output
    }

    /// The declared name, type and shape of every input or output of `session`.
    static func describe(
        _ session: OpaquePointer,
        _ side: Side,
        functions: OrtFunctionTable
    ) throws(OnnxRuntimeError) -> [TensorInfo] {
        var count = 0
        try functions.check(
            side == .input
                ? functions.api.SessionGetInputCount(session, &count)
                : functions.api.SessionGetOutputCount(session, &count),
            "Could not count the model's \(side)s"
        )
        var allocated: OpaquePointer?
        // The default allocator is owned by ORT and never released.
        try functions.check(
            functions.api.GetAllocatorWithDefaultOptions(&allocated),
            "Could not get ONNX Runtime's default allocator"
        )
        guard let allocator = allocated else {
            throw OnnxRuntimeError(.runtimeFailure, "ONNX Runtime returned no default allocator")
        }
        var infos: [TensorInfo] = []
        infos.reserveCapacity(count)
        for index in 0..<count {
            let name = try Self.name(of: session, side, index, allocator: allocator, functions: functions)
            infos.append(try Self.typeInfo(of: session, side, index, name: name, functions: functions))
        }
        return infos
    }

    /// The name of one input or output; ORT allocates it with `allocator` and it is freed here.
    private static func name(
        of session: OpaquePointer,
        _ side: Side,
        _ index: Int,
        allocator: OpaquePointer,
        functions: OrtFunctionTable
    ) throws(OnnxRuntimeError) -> String {
        var raw: UnsafeMutablePointer<CChar>?
        try functions.check(
            side == .input
                ? functions.api.SessionGetInputName(session, index, allocator, &raw)
                : functions.api.SessionGetOutputName(session, index, allocator, &raw),
            "Could not read the name of model \(side) \(index)"
        )
        guard let raw else {
            throw OnnxRuntimeError(.runtimeFailure, "ONNX Runtime returned no name for model \(side) \(index)")
        }
        let name = String(cString: raw)
        try functions.check(functions.api.AllocatorFree(allocator, raw), "Could not free a model \(side) name")
        return name
    }

    /// The declared type and shape of one input or output.
    private static func typeInfo(
        of session: OpaquePointer,
        _ side: Side,
        _ index: Int,
        name: String,
        functions: OrtFunctionTable
    ) throws(OnnxRuntimeError) -> TensorInfo {
        var created: OpaquePointer?
        try functions.check(
            side == .input
                ? functions.api.SessionGetInputTypeInfo(session, index, &created)
                : functions.api.SessionGetOutputTypeInfo(session, index, &created),
            "Could not read the type of model \(side) '\(name)'"
        )
        guard let typeInfo = created else {
            throw OnnxRuntimeError(.runtimeFailure, "ONNX Runtime returned no type for model \(side) '\(name)'")
        }
        defer { functions.api.ReleaseTypeInfo(typeInfo) }
        var tensorInfo: OpaquePointer?
        try functions.check(
            functions.api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo),
            "Could not read the tensor type of model \(side) '\(name)'"
        )
        // Sequences and maps have no tensor info; they are described as untyped and shapeless.
        guard let tensorInfo else {
            return TensorInfo(name: name, elementType: .undefined, shape: [])
        }
        // `tensorInfo` is owned by `typeInfo` and must not be released separately.
        return try functions.tensorInfo(named: name, from: tensorInfo)
    }
}
