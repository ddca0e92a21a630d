public import struct Foundation.Date

/// A named, hand-picked set of photos.
public struct Album: Sendable, Equatable, Identifiable, Codable {
    /// The catalog's row id.
    public var id: Int64
    /// A stable public identifier (`a` and 15 base-36 characters).
    public var uid: String
    /// The album's title.
    public var title: String
    /// An optional description.
    public var description: String?
    /// When the album was created.
    public var createdAt: Date
    /// How many photos it holds.
    public var photoCount: Int

    /// Creates an album value.
    public init(id: Int64, uid: String, title: String, description: String?, createdAt: Date, photoCount: Int) {
        self.id = id
        self.uid = uid
        self.title = title
        self.description = description
        self.createdAt = createdAt
        self.photoCount = photoCount
    }
}
