import Logging
import NIOConcurrencyHelpers
import ViewfinderCore

extension IndexingWorker {
    /// Watches the roots and asks for a run when changes have settled (see `ChangeDebouncer`), until cancelled.
    ///
    /// A run is asked for as soon as the watch is ready too, to catch up with what changed while nothing
    /// watched. When watching fails, the worker falls back to a schedule (unless one already runs).
    nonisolated func follow(_ options: IndexingWatch, sink: AsyncStream<Request>.Continuation, scheduled: Bool) async {
        let watch = options.watcher.watch(roots: roots)
        let pending = PendingChanges(options.debouncer)
        let (wakeUps, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let logger = self.logger
        let failure: String? = await withTaskCancellationHandler {
            await withDiscardingTaskGroup(returning: String?.self) { group in
                var failure: String?
                group.addTask { await Self.startRuns(when: pending, wakeUps: wakeUps, sink: sink, logger: logger) }
                for await event in watch {
                    switch event {
                    case .ready(let folders):
                        logger.info("watching the library", metadata: ["folders": "\(folders)", "roots": "\(roots.count)"])
                        sink.yield((false, false))
                    case .changed(let change):
                        logger.debug("library changed", metadata: ["change": "\(change)", "root": "\(change.root)"])
                        pending.record()
                        wake.yield()
                    case .overflow:
                        // Every pass walks every root, so the next one also sees the changes that were lost.
                        logger.warning("the library changed faster than the watch could follow; a full pass follows")
                        pending.record()
                        wake.yield()
                    case .failed(let reason):
                        failure = reason
                    }
                }
                wake.finish()
                return failure
            }
        } onCancel: {
            watch.stop()
        }
        guard let failure, !Task.isCancelled else { return }
        if scheduled {
            logger.error("library watching stopped; the index_interval schedule goes on", metadata: ["reason": "\(failure)"])
            return
        }
        logger.error(
            "library watching stopped; indexing falls back to a run every \(options.fallbackInterval) (index_interval)",
            metadata: ["reason": "\(failure)"])
        await Self.schedule(every: options.fallbackInterval, sink: sink)
    }

    /// Sleeps until the pending changes are due, then asks for a run; woken whenever a change is recorded.
    private static func startRuns(
        when pending: PendingChanges, wakeUps: AsyncStream<Void>, sink: AsyncStream<Request>.Continuation, logger: Logger
    ) async {
        for await _ in wakeUps {
            while let deadline = pending.deadline {
                guard (try? await Task.sleep(until: deadline, clock: .continuous)) != nil else { return }
                if let changes = pending.fire() {
                    logger.info("indexing watched changes", metadata: ["changes": "\(changes)"])
                    // A run in progress may have missed these changes: the request waits for it to end.
                    sink.yield((false, false))
                }
            }
        }
    }
}

/// The debouncer shared by the task that records changes and the task that starts runs.
private final class PendingChanges: Sendable {
    private let debouncer: NIOLockedValueBox<ChangeDebouncer>

    /// Starts with `debouncer` (nothing pending).
    init(_ debouncer: ChangeDebouncer) { self.debouncer = NIOLockedValueBox(debouncer) }

    /// Records a change seen now.
    func record() { debouncer.withLockedValue { $0.record(at: .now) } }

    /// When the pending changes are due.
    var deadline: ContinuousClock.Instant? { debouncer.withLockedValue { $0.deadline } }

    /// The number of changes due now (and forgets them), or nil.
    func fire() -> Int? { debouncer.withLockedValue { $0.fire(at: .now) } }
}
