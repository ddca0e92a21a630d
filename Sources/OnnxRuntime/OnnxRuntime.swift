import COnnxRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loaded ONNX Runtime library: its negotiated C API, its environment and what it offers.
///
/// Loading is done at run time (`dlopen` + `OrtGetApiBase`), so the binary has no link-time
/// dependency on ONNX Runtime. Immutable after `init`; share one instance across the process.
public final class OnnxRuntime: @unchecked Sendable {
    // Sendable is sound: every stored property is immutable after init, the function table
    // is read-only, and ORT documents OrtEnv as safe to use from any thread for creating sessions.

    /// The C API version the binding asks for: the lowest that has every function it calls.
    ///
    /// Version 11 (ONNX Runtime 1.11) added the CUDA provider's key/value options, the newest calls used.
    /// Asking for the lowest version lets any newer library answer; releases from 1.16 on are supported.
    public static let requiredAPIVersion: UInt32 = 11

    /// The oldest ONNX Runtime release Viewfinder is supported and tested with.
    public static let oldestSupportedRelease = "1.16"

    /// The environment variable that names the library when no path is configured.
    public static let libraryEnvironmentVariable = "VIEWFINDER_ORT_LIBRARY"

    /// The path the library was loaded from.
    public let libraryPath: String
    /// The library's release, e.g. "1.32.0".
    public let version: String
    /// The execution providers compiled into the library, e.g. `["CPUExecutionProvider"]`.
    public let availableProviders: [String]

    /// The negotiated function table.
    let functions: OrtFunctionTable
    /// The `OrtEnv*` every session of this runtime is created in.
    let environment: OpaquePointer

    /// Loads the library at `libraryPath`, negotiates the C API and creates an environment.
    ///
    /// ONNX Runtime keeps one environment per process: the log settings of the first
    /// runtime created win for all later ones.
    public init(
        libraryPath: String,
        logLevel: LogLevel = .warning,
        logID: String = "viewfinder"
    ) throws(OnnxRuntimeError) {
        let base = try Self.loadAPIBase(at: libraryPath)
        let version = String(cString: base.pointee.GetVersionString())
        guard let table = base.pointee.GetApi(Self.requiredAPIVersion) else {
            throw OnnxRuntimeError(
                .apiVersionUnsupported,
                "ONNX Runtime \(version) at \(libraryPath) is too old: Viewfinder needs C API version "
                    + "\(Self.requiredAPIVersion) and supports ONNX Runtime \(Self.oldestSupportedRelease) or newer. "
                    + "Run `make bootstrap` to install a supported version."
            )
        }
        let functions = OrtFunctionTable(table: table)
        let providers = try Self.queryProviders(functions)

        var environment: OpaquePointer?
        try functions.check(
            functions.api.CreateEnv(logLevel.rawValue, logID, &environment),
            "Could not create the ONNX Runtime environment",
            code: .environmentFailed
        )
        guard let environment else {
            throw OnnxRuntimeError(.environmentFailed, "ONNX Runtime returned no environment")
        }

        self.libraryPath = libraryPath
        self.version = version
        self.availableProviders = providers
        self.functions = functions
        self.environment = environment
    }

    deinit {
        functions.api.ReleaseEnv(environment)
        // The library stays loaded on purpose: ONNX Runtime does not support being unloaded
        // (its static state and thread pools outlive handles), so it lives until process exit.
    }

    /// Opens the library and returns its `OrtApiBase`, or throws a readable error.
    private static func loadAPIBase(at path: String) throws(OnnxRuntimeError) -> UnsafePointer<VFOrtApiBase> {
        guard access(path, F_OK) == 0 else {
            throw OnnxRuntimeError(
                .libraryNotFound,
                "ONNX Runtime library not found at \(path). Run `make bootstrap` to install it, "
                    + "or set \(libraryEnvironmentVariable) to the path of libonnxruntime.so."
            )
        }
        // A name without a slash would make dlopen search the system library paths instead of
        // opening the file that was just found, so such paths are made explicitly relative.
        let explicitPath = path.contains("/") ? path : "./" + path
        guard let handle = dlopen(explicitPath, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown dlopen error"
            throw OnnxRuntimeError(
                .libraryInvalid,
                "\(path) is not a loadable ONNX Runtime library (\(reason)). Run `make bootstrap` "
                    + "or point \(libraryEnvironmentVariable) at libonnxruntime.so."
            )
        }
        guard let symbol = dlsym(handle, "OrtGetApiBase") else {
            dlclose(handle)
            throw OnnxRuntimeError(
                .libraryInvalid,
                "\(path) is a shared library but not ONNX Runtime (it has no OrtGetApiBase entry point). "
                    + "Point \(libraryEnvironmentVariable) at libonnxruntime.so."
            )
        }
        let getAPIBase = unsafeBitCast(symbol, to: VFOrtGetApiBaseFunction.self)
        guard let base = getAPIBase() else {
            dlclose(handle)
            throw OnnxRuntimeError(.libraryInvalid, "ONNX Runtime at \(path) returned no API base")
        }
        return base
    }

    /// Reads the names of the execution providers compiled into the library.
    private static func queryProviders(_ functions: OrtFunctionTable) throws(OnnxRuntimeError) -> [String] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var count: Int32 = 0
        try functions.check(
            functions.api.GetAvailableProviders(&names, &count),
            "Could not list ONNX Runtime execution providers"
        )
        guard let names else { return [] }
        defer {
            // A failure to release a short list of names is harmless; there is nothing to report it to.
            if let status = functions.api.ReleaseAvailableProviders(names, count) {
                functions.api.ReleaseStatus(status)
            }
        }
        return (0..<Int(max(count, 0))).compactMap { index in names[index].map { String(cString: $0) } }
    }
}
