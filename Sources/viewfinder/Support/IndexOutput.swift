import Foundation
import NIOConcurrencyHelpers
import ViewfinderCore
import ViewfinderServices

/// The JSON form of an indexing run's report.
struct IndexRunJSON: Codable, Sendable {
    struct Failure: Codable, Sendable {
        let path: String
        let reason: String
    }

    let model: String
    let root: String
    let roots: [String]
    let found: Int
    let embedded: Int
    let unchanged: Int
    let previouslyFailed: Int
    let moved: Int
    let missing: Int
    let purged: Int
    let notEmbedded: Int
    let recorded: Int
    let stopped: Bool
    let failures: [Failure]
    let skipped: [String]
    let summary: String

    init(model: String, roots: [String], report: IndexingReport) {
        self.model = model
        root = roots.first ?? ""
        self.roots = roots
        moved = report.moved
        missing = report.missing
        purged = report.purged
        notEmbedded = report.notEmbedded
        recorded = report.recorded
        stopped = report.stopped
        found = report.found
        embedded = report.embedded
        unchanged = report.unchanged
        previouslyFailed = report.previouslyFailed
        failures = report.failures.map { Failure(path: $0.file.relativePath, reason: $0.reason) }
        skipped = report.unsupported.map(\.relativePath)
        summary = report.summary
    }
}

/// One progress event as a JSON line.
struct IndexEventJSON: Encodable {
    let event: String
    let done: Int?
    let pending: Int?
    let found: Int?
    let path: String?
    let reason: String?
    var count: Int?

    init(_ event: IndexingEvent) {
        switch event {
        case .encoding(let count, let firstFile):
            (self.event, path, done, pending, found, reason) = ("encoding", firstFile, nil, nil, nil, nil)
            self.count = count
        case .scanned(let found, let pending):
            (self.event, self.found, self.pending, done, path, reason) = ("scanned", found, pending, nil, nil, nil)
        case .batchCommitted(let done, let pending):
            (self.event, self.done, self.pending, found, path, reason) = ("progress", done, pending, nil, nil, nil)
        case .failed(let failure):
            (self.event, path, reason, done, pending, found) = ("failed", failure.file.relativePath, failure.reason, nil, nil, nil)
        }
    }
}

/// A one-line progress bar on standard error: done/total, rate, ETA and errors.
final class ProgressPrinter: Sendable {
    private struct State {
        var started = ContinuousClock.now
        var failures = 0
        var drawn = false
    }

    private let enabled: Bool
    private let state = NIOLockedValueBox(State())

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ event: IndexingEvent) {
        guard enabled else { return }
        state.withLockedValue { state in
            switch event {
            case .scanned:
                state.started = .now
            case .failed:
                state.failures += 1
            case .encoding:
                break
            case .batchCommitted(let done, let pending):
                let seconds = max(0.001, Double((ContinuousClock.now - state.started).components.seconds)
                    + Double((ContinuousClock.now - state.started).components.attoseconds) / 1e18)
                let rate = Double(done) / seconds
                let eta = rate > 0 ? Int(Double(pending - done) / rate) : 0
                let width = 30
                let filled = pending > 0 ? width * done / pending : width
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                let line = String(format: "\r[%@] %d/%d  %.1f img/s  ETA %ds  errors %d", bar, done, pending, rate, eta, state.failures)
                FileHandle.standardError.write(Data(line.utf8))
                state.drawn = true
            }
        }
    }

    func finish() {
        state.withLockedValue { state in
            if state.drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }
}
