import NIOConcurrencyHelpers
import ViewfinderCore

/// Holds a value that is created on first use, at most once per application (failures are not cached).
final class LoadOnce<Value: Sendable>: Sendable {
    private let value = NIOLockedValueBox<Value?>(nil)

    /// The cached value, or the result of `create` (cached when it succeeds).
    func get(_ create: () throws(ViewfinderError) -> Value) throws(ViewfinderError) -> Value {
        // NIO's lock rethrows untyped errors; the result carries the typed one out.
        let outcome = value.withLockedValue { (cached: inout Value?) -> Result<Value, ViewfinderError> in
            if let cached { return .success(cached) }
            do throws(ViewfinderError) {
                let created = try create()
                cached = created
                return .success(created)
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}
