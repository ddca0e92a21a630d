/// The Tokenizers module's error: a stable code, a readable message and an optional cause.
public struct TokenizerError: Error, Sendable, CustomStringConvertible {
    /// Stable error kinds.
    public enum Code: String, Sendable {
        case fileNotFound
        case invalidFile
        case unsupportedComponent
        case missingField
        case unknownToken
    }

    /// What kind of failure this is.
    public let code: Code
    /// A readable explanation.
    public let message: String
    /// The lower-level cause, if any.
    public let underlying: (any Error & Sendable)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }

    /// The error for a component `type` this module does not implement.
    static func unsupported(_ kind: String, _ type: String) -> TokenizerError {
        TokenizerError(.unsupportedComponent, "unsupported \(kind) type '\(type)' in tokenizer.json")
    }

    /// The error for a required field that is absent or has the wrong type.
    static func missing(_ field: String, in component: String) -> TokenizerError {
        TokenizerError(.missingField, "\(component): missing or invalid field '\(field)' in tokenizer.json")
    }
}
