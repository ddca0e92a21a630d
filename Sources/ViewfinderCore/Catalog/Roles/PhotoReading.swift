/// The catalog role that reads photos: by path, uid, content hash or id, and filtered listings.
public protocol PhotoReading: Sendable {
    /// The photo stored for `relativePath` under `root`, if any.
    func photo(root: String, relativePath: String) async throws(ViewfinderError) -> Photo?
    /// The photo with this public uid, if any.
    func photo(uid: String) async throws(ViewfinderError) -> Photo?
    /// A photo whose file has this content hash and is not missing (the lowest id when several share it).
    func photo(contentHash: String) async throws(ViewfinderError) -> Photo?
    /// The photos with these ids, in no particular order.
    func photos(ids: [Int64]) async throws(ViewfinderError) -> [Photo]
    /// Ids of indexed photos matching `filter`, in ascending id order.
    func photoIDs(matching filter: PhotoFilter, limit: Int) async throws(ViewfinderError) -> [Int64]
    /// Ids of indexed photos matching `filter` in `order` (`relevance` sorts like `newest`): `limit` of them
    /// after skipping `offset`. Photos without a capture date come last in date orders; the id breaks ties.
    func photoIDs(
        matching filter: PhotoFilter, order: SearchOrder, limit: Int, offset: Int
    ) async throws(ViewfinderError) -> [Int64]
}
