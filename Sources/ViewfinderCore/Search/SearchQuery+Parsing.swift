extension SearchQuery {
    /// Builds a query from named parameters (HTTP query items, CLI flags), PhotoPrism names, validating each.
    ///
    /// Placeholder until the query parser lands: every call is refused with a clear message.
    public static func parse(_ parameters: [(name: String, value: String)]) throws(ViewfinderError) -> SearchQuery {
        throw ViewfinderError(.invalidInput, "search parameters are not supported yet")
    }
}
