/// A stored vector and the photo it belongs to.
public struct StoredVector: Sendable {
    /// The photo's catalog id.
    public let photoID: Int64
    /// The normalised vector.
    public let vector: [Float]

    /// Creates a stored vector.
    public init(photoID: Int64, vector: [Float]) {
        self.photoID = photoID
        self.vector = vector
    }
}
