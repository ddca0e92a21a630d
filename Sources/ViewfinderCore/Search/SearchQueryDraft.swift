/// What the search fields have stored so far while a query is parsed, including values that only make sense together.
struct SearchQueryDraft: Equatable {
    /// The query being built.
    var query = SearchQuery()
    /// `lat`, which needs `lng`.
    var latitude: Double?
    /// `lng`, which needs `lat`.
    var longitude: Double?
    /// `dist`, which needs `lat` and `lng`.
    var distance: Double?
    /// The shapes asked for (`portrait`, `landscape`, `square`); at most one is allowed.
    var shapes: [PhotoShape] = []
}
