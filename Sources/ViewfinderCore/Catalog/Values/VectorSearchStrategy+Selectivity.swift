extension VectorSearchStrategy {
    /// With `.automatic`, backends with an approximate index scan exactly when at most this many photos match the
    /// filter: an exact scan of that many vectors is a few milliseconds and has perfect recall, while an HNSW walk
    /// under a selective filter discards most of what it visits and may come back short.
    ///
    /// Backends count matching photos with `LIMIT selectiveCandidateLimit + 1`, so the estimate never reads
    /// more rows than that (see docs/search.md).
    public static let selectiveCandidateLimit = 10_000

    /// The path to take for `matchingPhotos` candidates (capped at `selectiveCandidateLimit + 1`).
    public func resolved(matchingPhotos: Int) -> VectorSearchStrategy {
        guard self == .automatic else { return self }
        return matchingPhotos <= Self.selectiveCandidateLimit ? .exact : .approximate
    }
}
