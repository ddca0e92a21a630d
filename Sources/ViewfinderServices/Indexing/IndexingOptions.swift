/// How the indexer batches and parallelises its work.
public struct IndexingOptions: Sendable, Equatable {
    /// Pictures per encoder call and per catalog transaction.
    public var batchSize: Int
    /// Pictures decoded at the same time (the decoder's thread pool bounds the real parallelism).
    public var decodeConcurrency: Int
    /// How long a batch's commit keeps retrying while the catalog database is unavailable (restarting, connection
    /// lost) before the run fails; the batch is kept in memory meanwhile, so nothing encoded is lost.
    public var storageOutageTolerance: Duration

    /// Creates options; values below 1 are raised to 1.
    public init(batchSize: Int = 16, decodeConcurrency: Int = 2, storageOutageTolerance: Duration = .seconds(120)) {
        self.batchSize = max(1, batchSize)
        self.decodeConcurrency = max(1, decodeConcurrency)
        self.storageOutageTolerance = max(.zero, storageOutageTolerance)
    }
}
