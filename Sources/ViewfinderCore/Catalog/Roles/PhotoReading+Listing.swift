extension PhotoReading {
    /// The reference listing: every matching photo read and sorted in memory (backends override it with SQL).
    public func photoIDs(
        matching filter: PhotoFilter, order: SearchOrder, limit: Int, offset: Int
    ) async throws(ViewfinderError) -> [Int64] {
        let ids = try await photoIDs(matching: filter, limit: Int(Int32.max))
        var photos: [Photo] = []
        var start = 0
        while start < ids.count {
            photos += try await self.photos(ids: Array(ids[start..<min(start + 1000, ids.count)]))
            start += 1000
        }
        return photos.sorted { order.precedes($0, $1) }.dropFirst(max(0, offset)).prefix(max(0, limit)).map(\.id)
    }
}
