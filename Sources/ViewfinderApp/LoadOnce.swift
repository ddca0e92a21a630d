import Synchronization
import ViewfinderCore

/// Holds a value that is created on first use, at most once per application (failures are not cached).
final class LoadOnce<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)

    /// The cached value, or the result of `create` (cached when it succeeds).
    func get(_ create: () throws(ViewfinderError) -> Value) throws(ViewfinderError) -> Value {
        try value.withLock { (cached: inout Value?) throws(ViewfinderError) -> Value in
            if let cached { return cached }
            let created = try create()
            cached = created
            return created
        }
    }
}
