import Dispatch
import NIOConcurrencyHelpers

/// Runs async work to completion from synchronous benchmark code (the command-line entry is synchronous).
enum BlockingTask {
    /// Starts `work` in a task and waits for its result on the calling (non-cooperative) thread.
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let result = NIOLockedValueBox<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
            result.withLockedValue { $0 = outcome }
            done.signal()
        }
        done.wait()
        guard let outcome = result.withLockedValue({ $0 }) else { fatalError("the task signalled without a result") }
        return try outcome.get()
    }
}
