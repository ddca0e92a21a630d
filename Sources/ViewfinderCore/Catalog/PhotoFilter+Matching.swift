/// The reference meaning of a filter, evaluated in memory; every SQL translation must agree with it.
extension PhotoFilter {
    /// Whether `photo` (a member of `albumIDs`) satisfies every condition.
    public func matches(_ photo: Photo, albumIDs: Set<Int64>) -> Bool {
        let metadata = photo.metadata
        if let takenAfter {
            guard let takenAt = metadata.takenAt, takenAt >= takenAfter else { return false }
        }
        if let takenBefore {
            guard let takenAt = metadata.takenAt, takenAt < takenBefore else { return false }
        }
        if let camera, !camera.isEmpty {
            let needle = camera.lowercased()
            let make = metadata.cameraMake?.lowercased() ?? ""
            let model = metadata.cameraModel?.lowercased() ?? ""
            guard make.contains(needle) || model.contains(needle) else { return false }
        }
        if let boundingBox {
            guard let latitude = metadata.latitude, let longitude = metadata.longitude,
                boundingBox.contains(latitude: latitude, longitude: longitude)
            else { return false }
        }
        if let hasLocation, metadata.hasLocation != hasLocation { return false }
        if let albumID, !albumIDs.contains(albumID) { return false }
        if let favorite, photo.favorite != favorite { return false }
        if let archived, photo.archived != archived { return false }
        let terms = keywordTerms
        if !terms.isEmpty {
            let words = KeywordTerms.words(of: metadata)
            guard terms.allSatisfy(words.contains) else { return false }
        }
        return true
    }
}
