public import Foundation
import VectorIndex
public import ViewfinderCore

/// A catalog decorator that answers nearest-neighbour queries from contiguous in-memory matrices.
///
/// For backends without vector SQL (SQLite, MariaDB before 11.7). Every other call is forwarded to the wrapped
/// catalog. A space (model, dims) is loaded on its first query; writes made through the decorator and, via the
/// catalog's change log, writes made by other processes are applied incrementally before each query.
public actor InProcessVectorCatalog: PhotoCatalog {
    /// The catalog that stores everything.
    public let inner: any PhotoCatalog
    /// How vectors are held and scanned.
    public let settings: InProcessVectorSettings

    var spaces: [SpaceKey: VectorSpaceIndex] = [:]
    /// Indexed photos that are archived (hidden by the default filter).
    var archivedIDs: Set<Int64> = []
    /// Whether `archivedIDs` has been read from the catalog.
    var archivedLoaded = false
    /// Photos written through this decorator since the last synchronisation.
    var dirtyIDs: Set<Int64> = []
    /// The change-log position everything in memory reflects; nil before the first look at the log.
    var syncedSequence: Int64?
    /// Whether the wrapped catalog keeps a change log (nil until asked).
    var hasChangeLog: Bool?
    /// Log entries just below `syncedSequence` that were already applied (commits can land out of order).
    var appliedSequences: Set<Int64> = []
    /// Log entries up to here are reflected by a load (the position when the spaces were last dropped).
    var ignoredThrough: Int64 = 0
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Wraps `inner`.
    public init(wrapping inner: any PhotoCatalog, settings: InProcessVectorSettings = InProcessVectorSettings()) {
        self.inner = inner
        self.settings = settings
    }

    /// Approximate memory held per photo in a space of `dims` components with these settings.
    public static func bytesPerPhoto(dims: Int, settings: InProcessVectorSettings) -> Int {
        VectorSpaceIndex(dims: dims, precision: settings.precision).bytesPerPhoto
    }

    /// Waits until no other synchronisation runs (an actor is reentrant across its awaits).
    func lock() async {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
    }

    /// Lets the next waiter in.
    func unlock() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }

    /// One embedding space.
    struct SpaceKey: Hashable, Sendable {
        let model: ModelID
        let dims: Int
    }

    // MARK: Forwarded reads

    public func photo(root: String, relativePath: String) async throws(ViewfinderError) -> Photo? {
        try await inner.photo(root: root, relativePath: relativePath)
    }

    public func photo(uid: String) async throws(ViewfinderError) -> Photo? {
        try await inner.photo(uid: uid)
    }

    public func hasEmbedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Bool {
        try await inner.hasEmbedding(photoID: photoID, model: model, dims: dims)
    }

    public func vectors(model: ModelID, dims: Int) async throws(ViewfinderError) -> [StoredVector] {
        try await inner.vectors(model: model, dims: dims)
    }

    public func embedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Embedding? {
        try await inner.embedding(photoID: photoID, model: model, dims: dims)
    }

    public func keywordMatches(_ text: String, filter: PhotoFilter, limit: Int) async throws(ViewfinderError) -> [KeywordMatch] {
        try await inner.keywordMatches(text, filter: filter, limit: limit)
    }

    public func photoIDs(matching filter: PhotoFilter, limit: Int) async throws(ViewfinderError) -> [Int64] {
        try await inner.photoIDs(matching: filter, limit: limit)
    }

    public func albums() async throws(ViewfinderError) -> [Album] {
        try await inner.albums()
    }

    public func photos(ids: [Int64]) async throws(ViewfinderError) -> [Photo] {
        try await inner.photos(ids: ids)
    }

    public func counts() async throws(ViewfinderError) -> CatalogCounts {
        try await inner.counts()
    }

    public func vectorChanges(after sequence: Int64, limit: Int) async throws(ViewfinderError) -> VectorChangeFeed? {
        try await inner.vectorChanges(after: sequence, limit: limit)
    }

    public func capabilities() async throws(ViewfinderError) -> CatalogCapabilities {
        var capabilities = try await inner.capabilities()
        let rescored = settings.precision == .float32 ? "" : ", re-scored in float32"
        let description = "none in the database; searched in process (\(settings.precision.rawValue) matrix\(rescored))"
        for key in Array(capabilities.vectorIndexes.keys) { capabilities.vectorIndexes[key] = description }
        capabilities.searchPath =
            "in-process vector index: SQL candidate set, exact top-k over \(settings.precision.rawValue) rows\(rescored), \(settings.threads) threads"
        return capabilities
    }

    // MARK: Forwarded writes (their photos are re-read before the next query)

    public func save(_ batch: [IndexedPhoto]) async throws(ViewfinderError) {
        try await inner.save(batch)
        try await markDirty(files: batch.map(\.file))
    }

    public func recordFailures(_ failures: [IndexFailure]) async throws(ViewfinderError) {
        try await inner.recordFailures(failures)
        try await markDirty(files: failures.map(\.file))
    }

    public func save(_ batch: [IndexedPhoto], failures: [IndexFailure]) async throws(ViewfinderError) {
        try await inner.save(batch, failures: failures)
        try await markDirty(files: batch.map(\.file) + failures.map(\.file))
    }

    public func touch(photoID: Int64, size: Int64, modifiedAt: Date) async throws(ViewfinderError) {
        try await inner.touch(photoID: photoID, size: size, modifiedAt: modifiedAt)
    }

    public func apply(_ changes: [CatalogChange]) async throws(ViewfinderError) {
        try await inner.apply(changes)
        for change in changes {
            switch change {
            case .putEmbedding, .deletePhoto, .setFlags: dirtyIDs.insert(change.photoID)
            case .setMetadata, .addToAlbum, .removeFromAlbum: break
            }
        }
    }

    public func finishBulkLoad(model: ModelID, dims: Int) async throws(ViewfinderError) {
        try await inner.finishBulkLoad(model: model, dims: dims)
    }

    public func createAlbum(title: String, description: String?) async throws(ViewfinderError) -> Album {
        try await inner.createAlbum(title: title, description: description)
    }

    public func deleteAlbum(id: Int64) async throws(ViewfinderError) {
        try await inner.deleteAlbum(id: id)
    }

    /// Remembers the photos of `files` for re-reading; with a change log the log covers them already.
    private func markDirty(files: [LibraryFile]) async throws(ViewfinderError) {
        guard hasChangeLog != true, !spaces.isEmpty || archivedLoaded else { return }
        for file in files {
            if let photo = try await inner.photo(root: file.root, relativePath: file.relativePath) {
                dirtyIDs.insert(photo.id)
            }
        }
    }
}
