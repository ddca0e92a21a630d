public import Foundation
public import ViewfinderCore

// Calls added to the catalog protocols after the decorator: forwarded, and writes that change which vectors a
// search may return mark their photos for re-reading.
extension InProcessVectorCatalog {
    public func photoIDs(
        matching filter: PhotoFilter, order: SearchOrder, limit: Int, offset: Int
    ) async throws(ViewfinderError) -> [Int64] {
        try await inner.photoIDs(matching: filter, order: order, limit: limit, offset: offset)
    }

    public func photo(contentHash: String) async throws(ViewfinderError) -> Photo? {
        try await inner.photo(contentHash: contentHash)
    }

    public func renameAlbum(id: Int64, title: String) async throws(ViewfinderError) {
        try await inner.renameAlbum(id: id, title: title)
    }

    public func libraryEntries(root: String, model: ModelID, dims: Int) async throws(ViewfinderError) -> [LibraryEntry] {
        try await inner.libraryEntries(root: root, model: model, dims: dims)
    }

    public func relocate(photoID: Int64, to file: LibraryFile) async throws(ViewfinderError) {
        try await inner.relocate(photoID: photoID, to: file)
        dirtyIDs.insert(photoID)
    }

    public func markMissing(photoIDs: [Int64], at date: Date) async throws(ViewfinderError) {
        try await inner.markMissing(photoIDs: photoIDs, at: date)
        dirtyIDs.formUnion(photoIDs)
    }

    public func recordFiles(_ records: [FileRecord]) async throws(ViewfinderError) {
        try await inner.recordFiles(records)
        for record in records {
            if let photo = try await inner.photo(root: record.file.root, relativePath: record.file.relativePath) {
                dirtyIDs.insert(photo.id)
            }
        }
    }

    public func pruneEmbeddings(keeping model: ModelID, dims: Int) async throws(ViewfinderError) -> Int {
        let removed = try await inner.pruneEmbeddings(keeping: model, dims: dims)
        // Whole spaces of other models went away: drop them rather than re-reading every photo.
        spaces = spaces.filter { $0.key.model == model && $0.key.dims == dims }
        return removed
    }
}
