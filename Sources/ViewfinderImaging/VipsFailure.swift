/// A failed libvips call: which operation, and libvips' own error text.
///
/// Only ever used as `ViewfinderError.underlying`, for logs; users see the
/// error's message instead.
public struct VipsFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The libvips operation that failed, e.g. "load" or "resize".
    public let operation: String
    /// libvips' error buffer at the time of failure (may be empty).
    public let message: String

    /// Creates a failure record.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    public var description: String {
        message.isEmpty ? "libvips \(operation) failed" : "libvips \(operation) failed: \(message)"
    }
}
