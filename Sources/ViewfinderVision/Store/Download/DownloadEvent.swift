/// Progress of `models download`, reported as it happens.
public enum DownloadEvent: Sendable, Equatable {
    /// File `index` (from 1) of `count` begins.
    case fileStarted(path: String, index: Int, count: Int)
    /// The server agreed to continue an earlier partial file at byte `offset`.
    case resumed(path: String, offset: Int64)
    /// Bytes of the current file are on disk; `total` is known from the response headers.
    case received(path: String, bytes: Int64, total: Int64?)
    /// A transfer failed and is tried again.
    case retrying(path: String, attempt: Int, reason: String)
    /// A file is complete; `verifiedWithHub` tells whether its SHA-256 matched one the hub published.
    case fileFinished(path: String, bytes: Int64, verifiedWithHub: Bool, reused: Bool)
}
