/// One entry of a catalog's change log: a photo whose vectors or searchability may have changed.
///
/// The log lets an in-process vector index see writes made by other processes (e.g. `viewfinder index`
/// while a server runs) without reloading every vector.
public struct VectorChange: Sendable, Equatable {
    /// The log's sequence number; increases with every logged write.
    public var sequence: Int64
    /// The photo that changed (it may no longer exist).
    public var photoID: Int64

    /// Creates a log entry.
    public init(sequence: Int64, photoID: Int64) {
        self.sequence = sequence
        self.photoID = photoID
    }
}

/// A page of the change log.
public struct VectorChangeFeed: Sendable, Equatable {
    /// Entries after the requested sequence number, oldest first.
    public var changes: [VectorChange]
    /// The largest sequence number in the log (0 when it is empty).
    public var latestSequence: Int64

    /// Creates a page.
    public init(changes: [VectorChange], latestSequence: Int64) {
        self.changes = changes
        self.latestSequence = latestSequence
    }
}
