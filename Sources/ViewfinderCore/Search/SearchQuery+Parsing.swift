extension SearchQuery {
    /// Every parameter name ``parse(_:)`` accepts (PhotoPrism's names), besides `q`: ``SearchField/allNames``.
    public static var fieldNames: [String] { SearchField.allNames }

    /// Builds a query from named parameters (HTTP query items, CLI flags), PhotoPrism names, validating each.
    ///
    /// `q` holds free text plus `key:value` terms for any other field (`q=year:2021 camera:canon beach`);
    /// values may be quoted (`camera:"canon eos"`) and list fields take `|` alternatives (`year:2020|2021`).
    /// A field given twice, an unknown name, or a value out of range is an `.invalidInput` error whose
    /// message names the field. Free text left in `q` becomes ``text``.
    public static func parse(_ parameters: [(name: String, value: String)]) throws(ViewfinderError) -> SearchQuery {
        guard parameters.count <= maximumParameters else {
            throw ViewfinderError(.invalidInput, "a search takes at most \(maximumParameters) parameters")
        }
        var builder = SearchQueryBuilder()
        var text: [String] = []
        for (rawName, value) in parameters {
            let name = rawName.lowercased()
            guard value.utf8.count <= maximumQueryLength else {
                throw ViewfinderError(
                    .invalidInput, "\(name) is longer than \(maximumQueryLength) bytes (\(value.utf8.count))")
            }
            if name == "q" {
                try builder.markSeen("q")
                let terms = try QueryTerms(parsing: value)
                text += terms.text
                for field in terms.fields { try builder.apply(field.name, field.value, inQ: true) }
            } else {
                try builder.apply(name, value, inQ: false)
            }
        }
        var query = try builder.finish()
        let joined = text.joined(separator: " ").trimmingBlanks
        query.text = joined.isEmpty ? nil : joined
        return query
    }
}
