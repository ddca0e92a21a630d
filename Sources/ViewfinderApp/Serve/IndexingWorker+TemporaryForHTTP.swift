// TEMPORARY for the HTTP branch: the integrator replaces this with the real indexing worker
// (an IndexingControl Service with its schedule) when merging.
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import ViewfinderCore
import ViewfinderServices

/// Runs `IndexingService` over the library roots on request, one run at a time, inside the service group.
final class TemporaryIndexingWorker: IndexingControl, Service {
    private let indexer: IndexingService?
    private let roots: [String]
    private let logger: Logger
    private let state = Mutex(IndexingStatus())
    private let cancelRequested = Mutex(false)
    private let requests: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init(indexer: IndexingService?, roots: [String], logger: Logger) {
        self.indexer = indexer
        self.roots = roots
        self.logger = logger
        let stream = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        requests = stream.stream
        continuation = stream.continuation
    }

    func start(rescan: Bool, retryFailed: Bool) async -> Bool {
        guard indexer != nil, !roots.isEmpty else {
            state.withLock {
                $0.lastError = indexer == nil
                    ? "the active model is not installed" : "no library folder is configured (--library)"
            }
            return false
        }
        let accepted = state.withLock { status -> Bool in
            guard status.state == .idle else { return false }
            status = IndexingStatus(
                state: .scanning, startedAt: Date(), finishedAt: status.finishedAt, lastError: nil)
            return true
        }
        if accepted {
            cancelRequested.withLock { $0 = false }
            continuation.yield(())
        }
        return accepted
    }

    func cancel() async {
        cancelRequested.withLock { $0 = true }
        state.withLock { if $0.state != .idle { $0.state = .cancelling } }
    }

    func status() async -> IndexingStatus { state.withLock { $0 } }

    func run() async throws {
        // Runs are awaited inline, so a graceful shutdown lets the current run finish before the catalog closes.
        await withGracefulShutdownHandler {
            for await _ in requests { await runOnce() }
        } onGracefulShutdown: { [continuation] in
            continuation.finish()
        }
    }

    private func runOnce() async {
        guard let indexer else { return }
        var failure: String?
        for root in roots where !cancelRequested.withLock({ $0 }) {
            do {
                let report = try await indexer.index(root: root) { event in self.record(event) }
                logger.info("indexing finished", metadata: ["root": "\(root)", "summary": "\(report.summary)"])
            } catch {
                failure = error.message
                logger.error("indexing failed", metadata: ["root": "\(root)", "error": "\(String(reflecting: error))"])
            }
        }
        state.withLock {
            $0.state = .idle
            $0.currentFile = nil
            $0.etaSeconds = nil
            $0.finishedAt = Date()
            $0.lastError = failure
        }
    }

    private func record(_ event: IndexingEvent) {
        state.withLock { status in
            switch event {
            case .scanned(_, let pending):
                if status.state != .cancelling { status.state = .indexing }
                status.queued += pending
            case .batchCommitted(let done, _): status.done = done
            case .failed(let failure):
                status.failed += 1
                status.currentFile = failure.file.relativePath
            }
            if let started = status.startedAt {
                let elapsed = Date().timeIntervalSince(started)
                status.rate = elapsed > 0 ? Double(status.done) / elapsed : 0
                status.etaSeconds = status.rate > 0 ? Double(status.queued - status.done) / status.rate : nil
            }
        }
    }
}
