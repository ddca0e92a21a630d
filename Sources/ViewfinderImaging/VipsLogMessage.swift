/// One message libvips logged through GLib (warnings about damaged files, for instance).
public struct VipsLogMessage: Sendable, Hashable, CustomStringConvertible {
    /// GLib's severity levels, most severe first.
    public enum Level: String, Sendable, Hashable {
        case error, critical, warning, message, info, debug
    }

    /// How severe the message is.
    public let level: Level
    /// The GLib log domain, normally "VIPS".
    public let domain: String
    /// The message text.
    public let text: String

    /// Creates a message.
    public init(level: Level, domain: String, text: String) {
        self.level = level
        self.domain = domain
        self.text = text
    }

    public var description: String { "\(domain) \(level.rawValue): \(text)" }
}
