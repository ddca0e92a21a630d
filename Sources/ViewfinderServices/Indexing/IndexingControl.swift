/// What callers outside the worker (the HTTP API, `serve`) may do with a running indexing worker.
public protocol IndexingControl: Sendable {
    /// Starts a run unless one is running; returns false when one already was.
    func start(rescan: Bool, retryFailed: Bool) async -> Bool
    /// Asks the running run to stop after its current batch.
    func cancel() async
    /// The worker's current status.
    func status() async -> IndexingStatus
}
