import OnnxRuntime
import Synchronization
import ViewfinderCore

/// Loads the ONNX Runtime library at most once per application.
final class RuntimeCache: Sendable {
    private let runtime = Mutex<OnnxRuntime?>(nil)

    /// The cached runtime, or the result of `load` (cached when it succeeds).
    func get(_ load: () throws(ViewfinderError) -> OnnxRuntime) throws(ViewfinderError) -> OnnxRuntime {
        try runtime.withLock { (cached: inout OnnxRuntime?) throws(ViewfinderError) -> OnnxRuntime in
            if let cached { return cached }
            let loaded = try load()
            cached = loaded
            return loaded
        }
    }
}
