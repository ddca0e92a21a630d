internal import CVips
import NIOConcurrencyHelpers

extension VipsRuntime {
    /// A subscription to libvips' GLib messages (domain "VIPS"), delivered to a Swift closure.
    ///
    /// GLib keeps one handler list per process, so one C handler is installed once and fans each message out
    /// to every live subscription; runtimes created concurrently (tests, several services) all receive them.
    final class InstalledLogHandler: Sendable {
        private let id: UInt64

        /// Subscribes `handler` to every level of the "VIPS" log domain.
        init(_ handler: @escaping @Sendable (VipsLogMessage) -> Void) {
            id = LogFanOut.subscribe(handler)
        }

        /// Ends the subscription; with none left, GLib's default handler applies again.
        func uninstall() {
            LogFanOut.unsubscribe(id)
        }
    }
}

/// The process-wide bridge from GLib's "VIPS" log domain to the subscribed Swift closures.
private enum LogFanOut {
    private static let domain = "VIPS"

    private struct State {
        var handlers: [UInt64: @Sendable (VipsLogMessage) -> Void] = [:]
        var nextID: UInt64 = 0
        var glibHandlerID: UInt32?
    }

    // Process-global by necessity: it mirrors GLib's own process-wide handler table.
    private static let state = NIOLockedValueBox(State())

    static func subscribe(_ handler: @escaping @Sendable (VipsLogMessage) -> Void) -> UInt64 {
        state.withLockedValue { state in
            state.nextID += 1
            state.handlers[state.nextID] = handler
            if state.glibHandlerID == nil {
                state.glibHandlerID = cvips_log_set_handler(domain, { domain, level, message, _ in
                    LogFanOut.deliver(VipsLogMessage(
                        level: VipsLogMessage.Level(glibLevel: level.rawValue),
                        domain: domain.map { String(cString: $0) } ?? "",
                        text: message.map { String(cString: $0) } ?? ""
                    ))
                }, nil)
            }
            return state.nextID
        }
    }

    static func unsubscribe(_ id: UInt64) {
        state.withLockedValue { state in
            state.handlers[id] = nil
            if state.handlers.isEmpty, let installed = state.glibHandlerID {
                cvips_log_remove_handler(domain, installed)
                state.glibHandlerID = nil
            }
        }
    }

    private static func deliver(_ message: VipsLogMessage) {
        // Call outside the lock: a handler may log, and GLib may call in from several threads.
        let handlers = state.withLockedValue { Array($0.handlers.values) }
        for handler in handlers { handler(message) }
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
