public import Foundation
public import ViewfinderCore

/// A catalog in memory, for unit tests of the services.
public actor InMemoryPhotoCatalog: PhotoCatalog {
    private var photosByID: [Int64: Photo] = [:]
    private var vectorsByKey: [String: [Int64: [Float]]] = [:]
    private var nextID: Int64 = 1
    /// How many embeddings were written in total, to prove incremental runs.
    public private(set) var embeddingWrites = 0

    /// Creates an empty catalog.
    public init() {}

    public func photo(root: String, relativePath: String) -> Photo? {
        photosByID.values.first { $0.libraryRoot == root && $0.relativePath == relativePath }
    }

    public func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) -> Bool {
        vectorsByKey[Self.key(model, dims)]?[photoID] != nil
    }

    public func save(_ batch: [IndexedPhoto]) {
        for item in batch {
            let id = upsert(item.file, hash: item.contentHash, width: item.width, height: item.height, status: .indexed, reason: nil)
            vectorsByKey[Self.key(item.embedding.model, item.embedding.dims), default: [:]][id] = item.embedding.vector
            embeddingWrites += 1
        }
    }

    public func recordFailures(_ failures: [IndexFailure]) {
        for failure in failures {
            _ = upsert(failure.file, hash: failure.contentHash ?? "", width: 0, height: 0, status: .failed, reason: failure.reason)
        }
    }

    public func touch(photoID: Int64, size: Int64, modifiedAt: Date) {
        photosByID[photoID]?.size = size
        photosByID[photoID]?.modifiedAt = modifiedAt
    }

    public func vectors(model: ModelID, dims: Int) -> [StoredVector] {
        (vectorsByKey[Self.key(model, dims)] ?? [:])
            .filter { photosByID[$0.key]?.status == .indexed }
            .map { StoredVector(photoID: $0.key, vector: $0.value) }
    }

    public func photos(ids: [Int64]) -> [Photo] {
        ids.compactMap { photosByID[$0] }
    }

    public func counts() -> CatalogCounts {
        CatalogCounts(
            photos: photosByID.count,
            failed: photosByID.values.filter { $0.status == .failed }.count,
            embedded: vectorsByKey.mapValues(\.count))
    }

    private func upsert(_ file: LibraryFile, hash: String, width: Int, height: Int, status: IndexStatus, reason: String?) -> Int64 {
        let existing = photo(root: file.root, relativePath: file.relativePath)
        let id = existing?.id ?? nextID
        if existing == nil { nextID += 1 }
        photosByID[id] = Photo(
            id: id, uid: existing?.uid ?? PhotoUID.make(), libraryRoot: file.root, relativePath: file.relativePath,
            size: file.size, modifiedAt: file.modifiedAt, contentHash: hash, width: width, height: height,
            status: status, errorReason: reason)
        return id
    }

    private static func key(_ model: ModelID, _ dims: Int) -> String { "\(model)/\(dims)" }
}
