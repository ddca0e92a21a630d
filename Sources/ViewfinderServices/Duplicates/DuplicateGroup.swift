public import ViewfinderCore

/// Photos whose embeddings are so close that they are probably the same picture (copies, resizes, re-encodes).
public struct DuplicateGroup: Sendable, Equatable {
    /// The photo to keep: the most pixels, then the largest file, then the oldest id.
    public var keeper: Photo
    /// The other members, by id.
    public var others: [Photo]
    /// The largest cosine distance between two linked members of the group.
    public var largestDistance: Float

    /// Creates a group.
    public init(keeper: Photo, others: [Photo], largestDistance: Float) {
        self.keeper = keeper
        self.others = others
        self.largestDistance = largestDistance
    }

    /// Every member, keeper first.
    public var members: [Photo] { [keeper] + others }
}
