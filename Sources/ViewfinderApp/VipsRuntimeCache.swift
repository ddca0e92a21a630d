import Synchronization
import ViewfinderCore
import ViewfinderImaging

/// Creates the libvips runtime at most once per application.
final class VipsRuntimeCache: Sendable {
    private let runtime = Mutex<VipsRuntime?>(nil)

    /// The cached runtime, or the result of `create` (cached when it succeeds).
    func get(_ create: () throws(ViewfinderError) -> VipsRuntime) throws(ViewfinderError) -> VipsRuntime {
        try runtime.withLock { (cached: inout VipsRuntime?) throws(ViewfinderError) -> VipsRuntime in
            if let cached { return cached }
            let created = try create()
            cached = created
            return created
        }
    }
}
