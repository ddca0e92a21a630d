/// The reference meaning of a filter, evaluated in memory; every storage backend's translation must agree with it.
extension PhotoFilter {
    /// Whether `photo` (a member of `albumIDs`) satisfies every condition.
    public func matches(_ photo: Photo, albumIDs: Set<Int64>) -> Bool {
        let metadata = photo.metadata
        guard matchesDates(metadata) else { return false }
        if !cameraPatterns.isEmpty {
            let make = metadata.cameraMake?.lowercased() ?? ""
            let model = metadata.cameraModel?.lowercased() ?? ""
            guard cameraPatterns.contains(where: { $0.matches(make) || $0.matches(model) }) else { return false }
        }
        if !lensPatterns.isEmpty {
            let lens = metadata.lens?.lowercased() ?? ""
            guard lensPatterns.contains(where: { $0.matches(lens) }) else { return false }
        }
        if let iso { guard let value = metadata.iso, iso.contains(value) else { return false } }
        if let fNumber { guard let value = metadata.fNumber, fNumber.contains(value) else { return false } }
        if let focalLength { guard let value = metadata.focalLength, focalLength.contains(value) else { return false } }
        guard matchesLocation(metadata) else { return false }
        if let albumID, !albumIDs.contains(albumID) { return false }
        if let favorite, photo.favorite != favorite { return false }
        if let archived, photo.archived != archived { return false }
        let path = photo.relativePath.lowercased()
        if !folderPatterns.isEmpty, !folderPatterns.contains(where: { $0.matches(path) }) { return false }
        if !namePatterns.isEmpty, !namePatterns.contains(where: { $0.matches(path) }) { return false }
        guard matchesMedia(photo) else { return false }
        let terms = keywordTerms
        if !terms.isEmpty {
            let words = KeywordTerms.words(of: metadata)
            guard terms.allSatisfy(words.contains) else { return false }
        }
        return true
    }

    private func matchesDates(_ metadata: PhotoMetadata) -> Bool {
        let needsDate = takenAfter != nil || takenBefore != nil || !years.isEmpty || !months.isEmpty || !days.isEmpty
        guard needsDate else { return true }
        guard let takenAt = metadata.takenAt else { return false }
        if let takenAfter, takenAt < takenAfter { return false }
        if let takenBefore, takenAt >= takenBefore { return false }
        if !years.isEmpty, !yearRanges.contains(where: { $0.contains(takenAt) }) { return false }
        if !months.isEmpty || !days.isEmpty {
            let parts = UTCCalendar.components(of: takenAt)
            if !months.isEmpty, !months.contains(parts.month) { return false }
            if !days.isEmpty, !days.contains(parts.day) { return false }
        }
        return true
    }

    private func matchesLocation(_ metadata: PhotoMetadata) -> Bool {
        if let hasLocation, metadata.hasLocation != hasLocation { return false }
        guard boundingBox != nil || near != nil else { return true }
        guard let latitude = metadata.latitude, let longitude = metadata.longitude else { return false }
        if let boundingBox, !boundingBox.contains(latitude: latitude, longitude: longitude) { return false }
        if let near, !near.contains(latitude: latitude, longitude: longitude) { return false }
        return true
    }

    private func matchesMedia(_ photo: Photo) -> Bool {
        if !mediaTypes.isEmpty {
            let type = photo.mimeType?.lowercased() ?? ""
            guard mediaTypes.contains(where: { $0.hasSuffix("/") ? type.hasPrefix($0) : type == $0 }) else { return false }
        }
        if let shape, !shape.matches(width: photo.width, height: photo.height) { return false }
        if let minimumMegapixels, Double(photo.width) * Double(photo.height) < minimumMegapixels * 1_000_000 {
            return false
        }
        return true
    }
}
