/// A photo found by a full-text keyword query.
public struct KeywordMatch: Sendable, Equatable {
    /// The photo's catalog id.
    public var photoID: Int64
    /// The backend's relevance score; higher is better, comparable only within one answer.
    public var relevance: Double

    /// Creates a match.
    public init(photoID: Int64, relevance: Double) {
        self.photoID = photoID
        self.relevance = relevance
    }
}
