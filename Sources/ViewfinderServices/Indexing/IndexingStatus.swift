public import struct Foundation.Date

/// Where the indexing worker stands; the CLI prints it and the HTTP API returns it from `GET /index`.
public struct IndexingStatus: Sendable, Equatable, Codable {
    /// What the worker is doing.
    public enum State: String, Sendable, Codable {
        /// Not running.
        case idle
        /// Walking the library roots.
        case scanning
        /// Decoding, embedding and storing pictures.
        case indexing
        /// Finishing the current batch after a cancel request.
        case cancelling
    }

    /// What the worker is doing.
    public var state: State
    /// Pictures waiting to be processed in this run.
    public var queued: Int
    /// Pictures processed in this run.
    public var done: Int
    /// Pictures that failed in this run.
    public var failed: Int
    /// Pictures per second over the run so far.
    public var rate: Double
    /// Estimated seconds until the run finishes, when known.
    public var etaSeconds: Double?
    /// The file being processed, relative to its library root.
    public var currentFile: String?
    /// When the current (or last) run started.
    public var startedAt: Date?
    /// When the last run finished.
    public var finishedAt: Date?
    /// The last run's error, if it stopped on one.
    public var lastError: String?

    /// Creates a status value; the default is an idle worker that never ran.
    public init(
        state: State = .idle, queued: Int = 0, done: Int = 0, failed: Int = 0, rate: Double = 0,
        etaSeconds: Double? = nil, currentFile: String? = nil, startedAt: Date? = nil, finishedAt: Date? = nil,
        lastError: String? = nil
    ) {
        self.state = state
        self.queued = queued
        self.done = done
        self.failed = failed
        self.rate = rate
        self.etaSeconds = etaSeconds
        self.currentFile = currentFile
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.lastError = lastError
    }
}
