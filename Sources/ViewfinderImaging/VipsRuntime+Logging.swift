internal import CVips

extension VipsRuntime {
    /// A GLib log handler for the "VIPS" domain that forwards to a Swift closure.
    final class InstalledLogHandler: Sendable {
        private static let domain = "VIPS"
        private let handlerID: UInt32

        /// Installs `handler` for every level of the "VIPS" log domain.
        init(_ handler: @escaping @Sendable (VipsLogMessage) -> Void) {
            // The box is deliberately never released: GLib may be calling the handler
            // on another thread while we remove it, so freeing it could be a
            // use-after-free. One small allocation per runtime is the price.
            let box = Unmanaged.passRetained(HandlerBox(handler)).toOpaque()
            handlerID = cvips_log_set_handler(Self.domain, { domain, level, message, userData in
                guard let userData else { return }
                let box = Unmanaged<HandlerBox>.fromOpaque(userData).takeUnretainedValue()
                box.handler(VipsLogMessage(
                    level: VipsLogMessage.Level(glibLevel: level.rawValue),
                    domain: domain.map { String(cString: $0) } ?? "",
                    text: message.map { String(cString: $0) } ?? ""
                ))
            }, box)
        }

        /// Removes the handler so GLib's default handler applies again.
        func uninstall() {
            cvips_log_remove_handler(Self.domain, handlerID)
        }
    }

    /// Heap storage for the closure, reachable from C through `user_data`.
    private final class HandlerBox: Sendable {
        let handler: @Sendable (VipsLogMessage) -> Void

        init(_ handler: @escaping @Sendable (VipsLogMessage) -> Void) {
            self.handler = handler
        }
    }
}

extension VipsLogMessage.Level {
    /// Maps GLib's level bit flags to the most severe level they contain.
    init(glibLevel: Int32) {
        if glibLevel & G_LOG_LEVEL_ERROR.rawValue != 0 {
            self = .error
        } else if glibLevel & G_LOG_LEVEL_CRITICAL.rawValue != 0 {
            self = .critical
        } else if glibLevel & G_LOG_LEVEL_WARNING.rawValue != 0 {
            self = .warning
        } else if glibLevel & G_LOG_LEVEL_MESSAGE.rawValue != 0 {
            self = .message
        } else if glibLevel & G_LOG_LEVEL_INFO.rawValue != 0 {
            self = .info
        } else {
            self = .debug
        }
    }
}
