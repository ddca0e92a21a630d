#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OnnxRuntime {
    /// The paths to try for the library, in order: configured, `VIEWFINDER_ORT_LIBRARY`, then `fallbacks`.
    public static func candidatePaths(
        configured: String?,
        environment: [String: String],
        fallbacks: [String]
    ) -> [String] {
        let ordered = [configured, environment[libraryEnvironmentVariable]].compactMap { $0 } + fallbacks
        var seen = Set<String>()
        return ordered.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The first existing library path in ``candidatePaths(configured:environment:fallbacks:)`` order.
    public static func locate(
        configured: String?,
        environment: [String: String],
        fallbacks: [String]
    ) -> String? {
        candidatePaths(configured: configured, environment: environment, fallbacks: fallbacks)
            .first { access($0, F_OK) == 0 }
    }

    /// Locates the library like ``locate(configured:environment:fallbacks:)`` and loads it.
    ///
    /// When no candidate exists the error lists every path tried.
    public convenience init(
        configured: String?,
        environment: [String: String],
        fallbacks: [String],
        logLevel: LogLevel = .warning,
        logID: String = "viewfinder"
    ) throws(OnnxRuntimeError) {
        let candidates = Self.candidatePaths(configured: configured, environment: environment, fallbacks: fallbacks)
        guard let path = candidates.first(where: { access($0, F_OK) == 0 }) else {
            let tried = candidates.isEmpty ? "no paths were configured" : "tried " + candidates.joined(separator: ", ")
            throw OnnxRuntimeError(
                .libraryNotFound,
                "ONNX Runtime library not found (\(tried)). Run `make bootstrap` to install it, "
                    + "or set \(Self.libraryEnvironmentVariable) to the path of libonnxruntime.so."
            )
        }
        try self.init(libraryPath: path, logLevel: logLevel, logID: logID)
    }
}
