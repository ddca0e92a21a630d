/// A failure of the ONNX Runtime binding: a stable code, a readable message and an optional cause.
public struct OnnxRuntimeError: Error, Sendable, CustomStringConvertible {
    /// Stable, machine-readable failure kinds.
    public enum Code: String, Sendable, Equatable {
        /// No ONNX Runtime library exists at any of the paths tried.
        case libraryNotFound
        /// A file exists but cannot be loaded as an ONNX Runtime library.
        case libraryInvalid
        /// The library is older than the C API version the binding needs.
        case apiVersionUnsupported
        /// The requested execution provider is not in the loaded library or could not be started.
        case providerUnavailable
        /// ONNX Runtime could not create its environment.
        case environmentFailed
        /// The model file does not exist.
        case modelNotFound
        /// The model file exists but ONNX Runtime rejected it.
        case modelInvalid
        /// A caller-supplied value (options, tensor, name, shape) is not acceptable.
        case invalidArgument
        /// An element type the binding cannot convert.
        case unsupportedElementType
        /// ONNX Runtime failed while running a model.
        case runFailed
        /// Any other failure reported by ONNX Runtime.
        case runtimeFailure
    }

    /// What kind of failure this is.
    public let code: Code
    /// A sentence a user can act on; carries ONNX Runtime's own text when it reported the failure.
    public let message: String
    /// The lower-level cause, e.g. an ``OrtStatusDetail`` with ONNX Runtime's error code.
    public let underlying: (any Error & Sendable)?

    /// Creates an error with a code, a user-facing message and an optional cause.
    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// The user-facing message.
    public var description: String { message }
}

extension OnnxRuntimeError: CustomDebugStringConvertible {
    /// The code, message and cause, for logs.
    public var debugDescription: String {
        guard let underlying else { return "\(code.rawValue): \(message)" }
        return "\(code.rawValue): \(message) (caused by \(String(reflecting: underlying)))"
    }
}
