/// The domain's error: a stable code, a message a user understands, and an optional cause.
public struct ViewfinderError: Error, Sendable, CustomStringConvertible {
    /// Stable, machine-readable error kinds.
    public enum Code: String, Sendable {
        case invalidInput
        case notFound
        case modelNotInstalled
        case incompatibleEmbeddings
        case decodeFailed
        case encodeFailed
        case storageFailed
        /// The catalog database cannot be reached right now (down, restarting, connection lost); a later retry may work.
        case storageUnavailable
        case configurationInvalid
        case networkFailed
        case integrityFailed
        case internalFailure
        /// A feature that is switched off in the configuration (e.g. semantic search).
        case unavailable
    }

    /// What kind of failure this is.
    public let code: Code
    /// A sentence a user can act on; never contains internal details of other layers.
    public let message: String
    /// The lower-level error, for logs and `String(reflecting:)`.
    public let underlying: (any Error & Sendable)?

    /// Creates an error with a code, a user-facing message and an optional cause.
    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }
}

extension ViewfinderError: CustomDebugStringConvertible {
    public var debugDescription: String {
        guard let underlying else { return "\(code.rawValue): \(message)" }
        return "\(code.rawValue): \(message) (caused by \(String(reflecting: underlying)))"
    }
}
