/// One edit of the catalog. A list of changes is applied all-or-nothing in one transaction.
public enum CatalogChange: Sendable, Equatable {
    /// Replaces a photo's capture and text metadata.
    case setMetadata(photoID: Int64, PhotoMetadata)
    /// Sets a photo's favourite and archived flags.
    case setFlags(photoID: Int64, favorite: Bool, archived: Bool)
    /// Stores (or replaces) a photo's embedding for the embedding's model and dimension.
    case putEmbedding(photoID: Int64, Embedding)
    /// Removes a photo with its embeddings and album memberships.
    case deletePhoto(photoID: Int64)
    /// Puts a photo into an album (a no-op when it is already there).
    case addToAlbum(albumID: Int64, photoID: Int64)
    /// Takes a photo out of an album (a no-op when it is not there).
    case removeFromAlbum(albumID: Int64, photoID: Int64)

    /// The photo the change refers to.
    public var photoID: Int64 {
        switch self {
        case .setMetadata(let id, _), .setFlags(let id, _, _), .putEmbedding(let id, _), .deletePhoto(let id),
            .addToAlbum(_, let id), .removeFromAlbum(_, let id):
            id
        }
    }

    /// Checks the values of the change before any of it is written.
    public func validate() throws(ViewfinderError) {
        switch self {
        case .setMetadata(_, let metadata): try metadata.validate()
        case .putEmbedding(_, let embedding): try embedding.validateForStorage()
        default: break
        }
    }
}

extension Embedding {
    /// The largest component magnitude every backend stores (MariaDB refuses values whose square overflows).
    public static let largestStorableComponent: Float = 1e18

    /// Checks that a vector can be stored: 1 to 16,000 components, all finite and within ±1e18.
    public func validateForStorage() throws(ViewfinderError) {
        guard (1...16_000).contains(dims) else {
            throw ViewfinderError(.invalidInput, "an embedding must have 1 to 16000 components, not \(dims)")
        }
        guard vector.allSatisfy({ $0.isFinite && abs($0) <= Self.largestStorableComponent }) else {
            throw ViewfinderError(
                .invalidInput, "an embedding of \(model) contains a value that is not a finite number within ±1e18")
        }
        guard !model.rawValue.isEmpty, model.rawValue.utf8.count <= 200 else {
            throw ViewfinderError(.invalidInput, "a model name must have 1 to 200 bytes")
        }
    }
}
