/// Why the HTTP server cannot start: a message a user can act on.
public struct ViewfinderHTTPError: Error, Sendable, CustomStringConvertible {
    /// A sentence a user can act on.
    public let message: String

    /// Creates an error with a user-facing message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
