extension PhotoReading {
    /// The reference lookup: the first present photo with `contentHash`, found by listing every photo.
    ///
    /// Backends override it with an indexed query; this default keeps test doubles short.
    public func photo(contentHash: String) async throws(ViewfinderError) -> Photo? {
        let ids = try await photoIDs(matching: .everything, limit: Int(Int32.max))
        var start = 0
        while start < ids.count {
            let page = try await photos(ids: Array(ids[start..<min(start + 1000, ids.count)]))
            if let match = page.filter({ $0.contentHash == contentHash && $0.status != .missing }).min(by: { $0.id < $1.id }) {
                return match
            }
            start += 1000
        }
        return nil
    }
}
