/// The raw failure ONNX Runtime reported: its numeric error code and its message.
public struct OrtStatusDetail: Error, Sendable, Equatable, CustomStringConvertible {
    /// ONNX Runtime's `OrtErrorCode` value (2 = invalid argument, 3 = no such file, ...).
    public let ortCode: Int
    /// ONNX Runtime's message text, unchanged.
    public let message: String

    /// Creates a detail from ONNX Runtime's code and message.
    public init(ortCode: Int, message: String) {
        self.ortCode = ortCode
        self.message = message
    }

    /// ONNX Runtime's symbolic name for ``ortCode``.
    public var ortCodeName: String {
        let names = [
            "OK", "FAIL", "INVALID_ARGUMENT", "NO_SUCHFILE", "NO_MODEL", "ENGINE_ERROR",
            "RUNTIME_EXCEPTION", "INVALID_PROTOBUF", "MODEL_LOADED", "NOT_IMPLEMENTED",
            "INVALID_GRAPH", "EP_FAIL",
        ]
        return names.indices.contains(ortCode) ? names[ortCode] : "ORT_ERROR_\(ortCode)"
    }

    /// Whether ONNX Runtime blamed an argument (e.g. a wrong input name or shape).
    public var isInvalidArgument: Bool { ortCode == 2 }

    /// Whether ONNX Runtime could not find a file.
    public var isNoSuchFile: Bool { ortCode == 3 }

    /// The code name and message.
    public var description: String { "\(ortCodeName): \(message)" }
}
