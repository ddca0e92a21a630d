import Foundation

/// Collects validated fields while a query is parsed, then checks the rules that span fields.
///
/// What each field accepts and where its value goes is declared once, in ``SearchField/all``.
struct SearchQueryBuilder {
    private var draft = SearchQueryDraft()
    private var seen: Set<String> = []

    /// Records that `name` (a field name or alias, or `q`) was given, refusing a second time, also under an alias.
    mutating func markSeen(_ name: String) throws(ViewfinderError) {
        let canonical = SearchField.named(name)?.name ?? name
        guard seen.insert(canonical).inserted else {
            throw ViewfinderError(.invalidInput, "\(name) is given more than once; use | for alternatives")
        }
    }

    /// Validates one `name=value` and stores it.
    mutating func apply(_ name: String, _ rawValue: String, inQ: Bool) throws(ViewfinderError) {
        guard name != "q" else { throw ViewfinderError(.invalidInput, "q cannot be nested inside q") }
        guard let field = SearchField.named(name) else {
            let place = inQ ? " in q" : ""
            throw ViewfinderError(
                .invalidInput,
                "unknown search field '\(name)'\(place); known fields: q, \(SearchField.allNames.joined(separator: ", "))")
        }
        try markSeen(name)
        let value = rawValue.trimmingBlanks
        guard !value.isEmpty else { throw ViewfinderError(.invalidInput, "\(name) needs a value") }
        try field.apply(&draft, value, SearchValueParser(field: name))
    }

    /// The query, after the checks that involve more than one field.
    func finish() throws(ViewfinderError) -> SearchQuery {
        var query = draft.query
        if draft.shapes.count > 1 {
            throw ViewfinderError(.invalidInput, "portrait, landscape and square exclude each other; give one")
        }
        query.filter.shape = draft.shapes.first
        switch (draft.latitude, draft.longitude) {
        case let (latitude?, longitude?):
            query.filter.near = GeoCircle(
                latitude: latitude, longitude: longitude,
                radiusKilometres: draft.distance ?? SearchQuery.defaultDistanceKilometres)
        case (nil, nil):
            if draft.distance != nil { throw ViewfinderError(.invalidInput, "dist needs lat and lng") }
        default:
            throw ViewfinderError(.invalidInput, "lat and lng must be given together")
        }
        if let after = query.filter.takenAfter, let before = query.filter.takenBefore, after >= before {
            throw ViewfinderError(.invalidInput, "after must be earlier than before")
        }
        if query.clip != nil, query.similar != nil {
            throw ViewfinderError(.invalidInput, "clip and similar exclude each other; give one")
        }
        return query
    }
}
