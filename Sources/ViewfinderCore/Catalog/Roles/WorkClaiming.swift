/// Claims on files to embed, so several indexing workers can share one catalog (PostgreSQL).
///
/// A claim is a lease: it expires unless its batch is committed and the claim finished, so the files of a
/// dead worker are taken over by the others. A finished claim keeps the file from being claimed again
/// while its size and time stay the same.
public protocol WorkClaiming: Sendable {
    /// Claims those of `files` that no live claim holds and that are not already embedded with `model` at `dims`
    /// at their current size and time; returns the claimed ones. Claims last `lease`.
    func claim(
        _ files: [LibraryFile], worker: String, lease: Duration, model: ModelID, dims: Int
    ) async throws(ViewfinderError) -> [LibraryFile]
    /// Marks this worker's claims on `files` finished (their batch is committed).
    func finishClaims(_ files: [LibraryFile], worker: String, model: ModelID, dims: Int) async throws(ViewfinderError)
    /// How many claims other workers hold that are neither finished nor expired.
    func liveClaims(excluding worker: String) async throws(ViewfinderError) -> Int
}

/// What an indexing run needs to share its work with other workers.
public struct SharedIndexing: Sendable {
    /// Where claims are kept.
    public let claims: any WorkClaiming
    /// This worker's name (unique among the workers, e.g. host and process id).
    public let worker: String
    /// How long a claim lasts without its batch being committed.
    public let lease: Duration

    /// Creates sharing settings.
    public init(claims: any WorkClaiming, worker: String, lease: Duration) {
        self.claims = claims
        self.worker = worker
        self.lease = lease
    }
}
