extension SearchOrder {
    /// Whether `a` comes before `b` in this order; `relevance` (for ties) sorts like `newest`.
    ///
    /// Photos without a capture date come last in date orders; the row id breaks every remaining tie,
    /// so pages are stable.
    public func precedes(_ a: Photo, _ b: Photo) -> Bool {
        switch self {
        case .relevance, .newest:
            if let x = a.metadata.takenAt, let y = b.metadata.takenAt, x != y { return x > y }
            if (a.metadata.takenAt == nil) != (b.metadata.takenAt == nil) { return a.metadata.takenAt != nil }
            return a.id > b.id
        case .oldest:
            if let x = a.metadata.takenAt, let y = b.metadata.takenAt, x != y { return x < y }
            if (a.metadata.takenAt == nil) != (b.metadata.takenAt == nil) { return a.metadata.takenAt != nil }
            return a.id < b.id
        case .added:
            return a.addedAt != b.addedAt ? a.addedAt > b.addedAt : a.id > b.id
        case .name:
            return a.relativePath != b.relativePath ? a.relativePath < b.relativePath : a.id < b.id
        }
    }
}
