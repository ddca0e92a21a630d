public import Foundation
public import ViewfinderCore

/// A catalog in memory, for unit tests of the services; it follows the same contract as the real backends.
public actor InMemoryPhotoCatalog: PhotoCatalog {
    private var photosByID: [Int64: Photo] = [:]
    private var vectorsByKey: [String: [Int64: [Float]]] = [:]
    private var albumsByID: [Int64: Album] = [:]
    private var membership: [Int64: Set<Int64>] = [:]
    private var nextID: Int64 = 1
    private var nextAlbumID: Int64 = 1
    private var missingSinceByID: [Int64: Date] = [:]
    /// How many embeddings were written in total, to prove incremental runs.
    public private(set) var embeddingWrites = 0
    /// The (model, dims) pairs `finishBulkLoad` was called for, in order.
    public private(set) var bulkLoadsFinished: [String] = []
    /// How often `counts()` was called, to prove that searches do not count per query.
    public private(set) var countsCalls = 0
    /// The change log: one photo id per logged write, its sequence number the position + 1 (as the backends'
    /// triggers log embedding writes, index-status and archived changes, and deletions).
    private var changeLog: [Int64] = []

    /// Creates an empty catalog.
    public init() {}

    public func photo(root: String, relativePath: String) -> Photo? {
        photosByID.values.first { $0.libraryRoot == root && $0.relativePath == relativePath }
    }

    public func photo(uid: String) -> Photo? {
        photosByID.values.first { $0.uid == uid }
    }

    public func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) -> Bool {
        vectorsByKey[Self.key(model, dims)]?[photoID] != nil
    }

    public func save(_ batch: [IndexedPhoto]) throws(ViewfinderError) {
        for item in batch {
            try item.embedding.validateForStorage()
            try item.metadata?.validate()
        }
        for item in batch {
            let id = upsert(
                item.file, hash: item.contentHash, width: item.width, height: item.height, status: .indexed, reason: nil,
                mimeType: item.mimeType, orientation: item.orientation)
            if let metadata = item.metadata { photosByID[id]?.metadata = metadata }
            vectorsByKey[Self.key(item.embedding.model, item.embedding.dims), default: [:]][id] = item.embedding.vector
            embeddingWrites += 1
        }
    }

    public func recordFailures(_ failures: [IndexFailure]) {
        for failure in failures {
            _ = upsert(
                failure.file, hash: failure.contentHash ?? "", width: 0, height: 0, status: .failed,
                reason: failure.reason, mimeType: nil, orientation: 1)
        }
    }

    public func save(_ batch: [IndexedPhoto], failures: [IndexFailure]) throws(ViewfinderError) {
        // Validation first (in save), so that a refused batch records no failures either.
        try save(batch)
        recordFailures(failures)
    }

    public func touch(photoID: Int64, size: Int64, modifiedAt: Date) {
        photosByID[photoID]?.size = size
        photosByID[photoID]?.modifiedAt = modifiedAt
    }

    public func apply(_ changes: [CatalogChange]) throws(ViewfinderError) {
        for change in changes { try change.validate() }
        // Work on copies so a failing change leaves everything as it was (all or nothing).
        var photos = photosByID
        var vectors = vectorsByKey
        var members = membership
        for change in changes {
            guard photos[change.photoID] != nil else {
                throw ViewfinderError(.notFound, "there is no photo with id \(change.photoID)")
            }
            switch change {
            case .setMetadata(let id, let metadata): photos[id]?.metadata = metadata
            case .setFlags(let id, let favorite, let archived):
                photos[id]?.favorite = favorite
                photos[id]?.archived = archived
            case .putEmbedding(let id, let embedding):
                vectors[Self.key(embedding.model, embedding.dims), default: [:]][id] = embedding.vector
            case .deletePhoto(let id):
                photos[id] = nil
                for key in vectors.keys { vectors[key]?[id] = nil }
                for key in members.keys { members[key]?.remove(id) }
            case .addToAlbum(let albumID, let photoID):
                guard albumsByID[albumID] != nil else { throw ViewfinderError(.notFound, "there is no album with id \(albumID)") }
                members[albumID, default: []].insert(photoID)
            case .removeFromAlbum(let albumID, let photoID):
                guard albumsByID[albumID] != nil else { throw ViewfinderError(.notFound, "there is no album with id \(albumID)") }
                members[albumID]?.remove(photoID)
            }
        }
        photosByID = photos
        vectorsByKey = vectors
        membership = members
        for change in changes {
            switch change {
            case .putEmbedding, .deletePhoto, .setFlags: changeLog.append(change.photoID)
            case .setMetadata, .addToAlbum, .removeFromAlbum: break
            }
        }
    }

    public func vectorChanges(after sequence: Int64, limit: Int) -> VectorChangeFeed? {
        let latest = Int64(changeLog.count)
        guard limit > 0, sequence < latest else { return VectorChangeFeed(changes: [], latestSequence: latest) }
        let first = Int(max(0, sequence))
        let changes = changeLog[first..<min(changeLog.count, first + limit)].enumerated().map { offset, id in
            VectorChange(sequence: Int64(first + offset + 1), photoID: id)
        }
        return VectorChangeFeed(changes: changes, latestSequence: latest)
    }

    public func vectors(model: ModelID, dims: Int) -> [StoredVector] {
        (vectorsByKey[Self.key(model, dims)] ?? [:])
            .filter { photosByID[$0.key]?.status == .indexed }
            .map { StoredVector(photoID: $0.key, vector: $0.value) }
    }

    public func embedding(photoID: Int64, model: ModelID, dims: Int) -> Embedding? {
        vectorsByKey[Self.key(model, dims)]?[photoID].map { Embedding(model: model, vector: $0) }
    }

    public func nearest(to query: Embedding, limit: Int, filter: PhotoFilter, strategy: VectorSearchStrategy) -> [VectorMatch] {
        var ranking = ExactVectorSearch(query: query.vector, limit: limit)
        for (id, vector) in vectorsByKey[Self.key(query.model, query.dims)] ?? [:] where matches(id, filter) {
            ranking.offer(photoID: id, vector: vector)
        }
        return ranking.matches
    }

    public func keywordMatches(_ text: String, filter: PhotoFilter, limit: Int) -> [KeywordMatch] {
        let terms = KeywordTerms.terms(in: text)
        guard !terms.isEmpty else { return [] }
        return photosByID.keys.sorted()
            .filter { id in
                guard matches(id, filter), let photo = photosByID[id] else { return false }
                return terms.allSatisfy(KeywordTerms.words(of: photo.metadata).contains)
            }
            .prefix(limit)
            .map { KeywordMatch(photoID: $0, relevance: 1) }
    }

    public func photoIDs(matching filter: PhotoFilter, limit: Int) -> [Int64] {
        Array(photosByID.keys.sorted().filter { matches($0, filter) }.prefix(limit))
    }

    public func finishBulkLoad(model: ModelID, dims: Int) {
        bulkLoadsFinished.append(Self.key(model, dims))
    }

    public func createAlbum(title: String, description: String?) throws(ViewfinderError) -> Album {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ViewfinderError(.invalidInput, "an album needs a title") }
        let album = Album(
            id: nextAlbumID, uid: PhotoUID.make(prefix: "a"), title: trimmed, description: description,
            createdAt: Date(), photoCount: 0)
        albumsByID[album.id] = album
        nextAlbumID += 1
        return album
    }

    public func albums() -> [Album] {
        albumsByID.values
            .map { album in
                var counted = album
                counted.photoCount = membership[album.id]?.count ?? 0
                return counted
            }
            .sorted { ($0.title, $0.id) < ($1.title, $1.id) }
    }

    public func renameAlbum(id: Int64, title: String) throws(ViewfinderError) {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ViewfinderError(.invalidInput, "an album needs a title") }
        guard albumsByID[id] != nil else { throw ViewfinderError(.notFound, "there is no album with id \(id)") }
        albumsByID[id]?.title = trimmed
    }

    public func deleteAlbum(id: Int64) throws(ViewfinderError) {
        guard albumsByID.removeValue(forKey: id) != nil else {
            throw ViewfinderError(.notFound, "there is no album with id \(id)")
        }
        membership[id] = nil
    }

    public func photos(ids: [Int64]) -> [Photo] {
        ids.compactMap { photosByID[$0] }
    }

    public func counts() -> CatalogCounts {
        countsCalls += 1
        return CatalogCounts(
            photos: photosByID.count,
            failed: photosByID.values.filter { $0.status == .failed }.count,
            embedded: vectorsByKey.filter { !$0.value.isEmpty }.mapValues(\.count),
            missing: photosByID.values.filter { $0.status == .missing }.count)
    }

    public func libraryEntries(root: String, model: ModelID, dims: Int) -> [LibraryEntry] {
        photosByID.values.filter { $0.libraryRoot == root }.map { photo in
            LibraryEntry(
                photoID: photo.id, root: root, relativePath: photo.relativePath, size: photo.size,
                modifiedAt: photo.modifiedAt, contentHash: photo.contentHash, status: photo.status,
                missingSince: photo.status == .missing ? missingSinceByID[photo.id] : nil,
                embedded: vectorsByKey[Self.key(model, dims)]?[photo.id] != nil)
        }
    }

    public func relocate(photoID: Int64, to file: LibraryFile) throws(ViewfinderError) {
        guard var photo = photosByID[photoID] else { throw ViewfinderError(.notFound, "there is no photo with id \(photoID)") }
        photo.libraryRoot = file.root
        photo.relativePath = file.relativePath
        photo.size = file.size
        photo.modifiedAt = file.modifiedAt
        photo.status = .indexed
        photo.errorReason = nil
        photosByID[photoID] = photo
        missingSinceByID[photoID] = nil
        changeLog.append(photoID)
    }

    public func markMissing(photoIDs: [Int64], at date: Date) {
        for id in photoIDs where photosByID[id] != nil && photosByID[id]?.status != .missing {
            photosByID[id]?.status = .missing
            missingSinceByID[id] = date
            changeLog.append(id)
        }
    }

    public func recordFiles(_ records: [FileRecord]) throws(ViewfinderError) {
        for record in records { try record.metadata?.validate() }
        for record in records {
            let id = upsert(
                record.file, hash: record.contentHash, width: record.width, height: record.height, status: .indexed,
                reason: nil, mimeType: record.mimeType, orientation: record.orientation)
            if let metadata = record.metadata { photosByID[id]?.metadata = metadata }
        }
    }

    public func pruneEmbeddings(keeping model: ModelID, dims: Int) -> Int {
        let keep = Self.key(model, dims)
        let deleted = vectorsByKey.filter { $0.key != keep }.values.reduce(0) { $0 + $1.count }
        changeLog += vectorsByKey.filter { $0.key != keep }.values.flatMap(\.keys)
        vectorsByKey = vectorsByKey.filter { $0.key == keep }
        return deleted
    }

    public func capabilities() -> CatalogCapabilities {
        CatalogCapabilities(
            backend: "memory", serverVersion: "n/a", schemaVersion: "n/a", nativeVectorSearch: false,
            vectorSupport: "none", vectorStorage: "[Float] in memory",
            vectorIndexes: vectorsByKey.mapValues { _ in "none (exact scan in process)" },
            searchPath: "exact scan in process")
    }

    private func matches(_ id: Int64, _ filter: PhotoFilter) -> Bool {
        guard let photo = photosByID[id], photo.status == .indexed else { return false }
        let albums = Set(membership.filter { $0.value.contains(id) }.keys)
        return filter.matches(photo, albumIDs: albums)
    }

    private func upsert(
        _ file: LibraryFile, hash: String, width: Int, height: Int, status: IndexStatus, reason: String?,
        mimeType: String?, orientation: Int
    ) -> Int64 {
        let existing = photo(root: file.root, relativePath: file.relativePath)
        let id = existing?.id ?? nextID
        if existing == nil { nextID += 1 }
        changeLog.append(id)
        let now = Date()
        photosByID[id] = Photo(
            id: id, uid: existing?.uid ?? PhotoUID.make(), libraryRoot: file.root, relativePath: file.relativePath,
            size: file.size, modifiedAt: file.modifiedAt, contentHash: hash, width: width, height: height,
            status: status, errorReason: reason, mimeType: mimeType ?? existing?.mimeType, orientation: orientation,
            metadata: existing?.metadata ?? PhotoMetadata(), favorite: existing?.favorite ?? false,
            archived: existing?.archived ?? false, addedAt: existing?.addedAt ?? now, updatedAt: now,
            attempts: (existing?.attempts ?? 0) + (status == .failed ? 1 : 0))
        return id
    }

    private static func key(_ model: ModelID, _ dims: Int) -> String { "\(model)/\(dims)" }
}
