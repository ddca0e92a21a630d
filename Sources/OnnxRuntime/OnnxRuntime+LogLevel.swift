extension OnnxRuntime {
    /// The minimum severity of ONNX Runtime's own log messages (written to stderr).
    public enum LogLevel: Int32, Sendable, CaseIterable {
        /// Everything, including verbose diagnostics.
        case verbose = 0
        /// Informational messages and above.
        case info = 1
        /// Warnings and above.
        case warning = 2
        /// Errors and above.
        case error = 3
        /// Only fatal errors.
        case fatal = 4
    }
}
