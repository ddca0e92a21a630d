/// The stable name of an embedding model, such as `uform3-image-text-multilingual-base`.
public struct ModelID: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The model's catalogue name.
    public let rawValue: String

    /// Creates an identifier from a catalogue name.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates an identifier from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
}
