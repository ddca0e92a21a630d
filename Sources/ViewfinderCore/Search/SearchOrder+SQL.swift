extension SearchOrder {
    /// The `ORDER BY` list over `photos` that matches ``precedes(_:_:)`` on every backend (plain SQL).
    ///
    /// `path` is the path expression, so a backend can add a byte-order collation (PostgreSQL: `COLLATE "C"`).
    public func sqlOrdering(path: String = "photos.path") -> String {
        switch self {
        case .relevance, .newest: return "(photos.taken_at IS NULL), photos.taken_at DESC, photos.id DESC"
        case .oldest: return "(photos.taken_at IS NULL), photos.taken_at ASC, photos.id ASC"
        case .added: return "photos.added_at DESC, photos.id DESC"
        case .name: return "\(path) ASC, photos.id ASC"
        }
    }
}
