public import ViewfinderCore

extension SearchOrder {
    /// The `ORDER BY` list over `photos` that matches ``SearchOrder/precedes(_:_:)`` in `dialect`.
    public func orderingSQL(_ dialect: some SQLDialect) -> String {
        switch self {
        case .relevance, .newest: "(photos.taken_at IS NULL), photos.taken_at DESC, photos.id DESC"
        case .oldest: "(photos.taken_at IS NULL), photos.taken_at ASC, photos.id ASC"
        case .added: "photos.added_at DESC, photos.id DESC"
        case .name: "\(dialect.byteOrder("photos.path")) ASC, photos.id ASC"
        }
    }
}
