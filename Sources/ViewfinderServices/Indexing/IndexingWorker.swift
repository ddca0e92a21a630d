import Foundation
public import Logging
public import ServiceLifecycle
import NIOConcurrencyHelpers
import ViewfinderCore

/// The background indexer `viewfinder serve` runs: one run at a time, started by the API, by its schedule, or
/// by changes in the watched library.
///
/// As a `Service` it lives in the server's service group; on graceful shutdown the running run finishes
/// its current batch and the worker returns.
public actor IndexingWorker: IndexingControl, Service {
    /// A run request: what to re-check.
    typealias Request = (rescan: Bool, retryFailed: Bool)

    /// The status and the clock it measures the rate with; updated from the indexer's events.
    private struct Progress {
        var status = IndexingStatus()
        var started = ContinuousClock.now
        var stop: IndexingStopSignal?
    }

    private let indexer: IndexingService
    /// The library roots every run indexes (and a watch watches).
    let roots: [String]
    private let template: IndexingRun
    private let interval: Duration?
    private let watching: IndexingWatch?
    /// Where runs and watch failures are logged.
    let logger: Logger
    private let progress = NIOLockedValueBox(Progress())
    private let requests: AsyncStream<Request>
    private let requestSink: AsyncStream<Request>.Continuation

    /// Creates a worker over `roots`; with an `interval` (the `on-schedule` mode) it starts a run that often,
    /// with `watching` it also starts one when the library changes (see `IndexingWatch`).
    public init(
        indexer: IndexingService, roots: [String], run: IndexingRun = IndexingRun(), interval: Duration? = nil,
        watching: IndexingWatch? = nil, logger: Logger
    ) {
        self.indexer = indexer
        self.roots = roots
        template = run
        self.interval = interval
        self.watching = watching
        self.logger = logger
        let (stream, continuation) = AsyncStream<Request>.makeStream(bufferingPolicy: .bufferingNewest(1))
        requests = stream
        requestSink = continuation
    }

    public func start(rescan: Bool, retryFailed: Bool) async -> Bool {
        let accepted = progress.withLockedValue { progress in
            guard progress.status.state == .idle else { return false }
            progress.status.state = .scanning
            return true
        }
        if accepted { requestSink.yield((rescan, retryFailed)) }
        return accepted
    }

    public func cancel() async {
        requestStop()
    }

    public func status() async -> IndexingStatus { progress.withLockedValue { $0.status } }

    /// Serves run requests (and the schedule) until graceful shutdown.
    public func run() async throws {
        let sink = requestSink
        let interval = self.interval
        let watching = self.watching
        let requests = self.requests
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                if let interval {
                    group.addTask { await Self.schedule(every: interval, sink: sink) }
                }
                if let watching {
                    group.addTask { await self.follow(watching, sink: sink, scheduled: interval != nil) }
                }
                for await request in requests.cancelOnGracefulShutdown() {
                    await self.perform(request)
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.requestStop()
            sink.finish()
        }
    }

    /// Asks for a run now and then every `interval`, until cancelled.
    static func schedule(every interval: Duration, sink: AsyncStream<Request>.Continuation) async {
        while !Task.isCancelled {
            sink.yield((false, false))
            // Cancelled at shutdown: the schedule just ends.
            guard (try? await Task.sleep(for: interval)) != nil else { return }
        }
    }

    /// Asks the running run (if any) to stop after its current batch.
    private nonisolated func requestStop() {
        progress.withLockedValue { progress in
            guard let stop = progress.stop, progress.status.state != .idle else { return }
            stop.request()
            progress.status.state = .cancelling
        }
    }

    /// One run, updating the status as events arrive.
    private func perform(_ request: Request) async {
        var run = template
        run.rescan = request.rescan
        run.retryFailed = request.retryFailed
        run.stop = IndexingStopSignal()
        let stop = run.stop
        progress.withLockedValue { progress in
            progress.status = IndexingStatus(
                state: .scanning, startedAt: Date(), finishedAt: progress.status.finishedAt)
            progress.started = .now
            progress.stop = stop
        }
        var lastError: String?
        do {
            let report = try await indexer.index(roots: roots, run: run) { event in self.observe(event) }
            logger.info("indexing run finished", metadata: ["summary": "\(report.summary)"])
        } catch {
            logger.error("indexing run failed", metadata: ["reason": "\(error.message)"])
            lastError = error.message
        }
        progress.withLockedValue { progress in
            progress.status.state = .idle
            progress.status.currentFile = nil
            progress.status.finishedAt = Date()
            progress.status.lastError = lastError
            progress.stop = nil
        }
    }

    private nonisolated func observe(_ event: IndexingEvent) {
        progress.withLockedValue { progress in
            switch event {
            case .scanned(_, let pending):
                progress.status.queued = pending
                if progress.status.state != .cancelling { progress.status.state = .indexing }
            case .encoding(_, let firstFile):
                progress.status.currentFile = firstFile
            case .batchCommitted(let done, let pending):
                progress.status.done = done
                progress.status.queued = max(0, pending - done)
                let elapsed = (ContinuousClock.now - progress.started).seconds
                progress.status.rate = elapsed > 0 ? Double(done) / elapsed : 0
                progress.status.etaSeconds =
                    progress.status.rate > 0 ? Double(progress.status.queued) / progress.status.rate : nil
            case .failed:
                progress.status.failed += 1
            }
        }
    }
}
