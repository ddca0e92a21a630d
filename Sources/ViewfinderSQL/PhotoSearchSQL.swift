public import ViewfinderCore

/// The search statements every SQL backend runs as they are (vector ranking stays with each backend).
public struct PhotoSearchSQL: Sendable {
    /// The dialect the statements are written in.
    public let dialect: any SQLDialect
    /// The filter translator in that dialect.
    public let filters: PhotoFilterSQL

    /// Creates the statements for `dialect`.
    public init(_ dialect: some SQLDialect) {
        self.dialect = dialect
        filters = PhotoFilterSQL(dialect)
    }

    /// The ids of up to `limit` photos matching `filter`, by id.
    public func photoIDs(matching filter: PhotoFilter, limit: Int) -> SQLFragment {
        "SELECT photos.id FROM photos WHERE \(filters.condition(filter)) ORDER BY photos.id LIMIT \(max(0, limit))"
    }

    /// One page of the ids of photos matching `filter` in `order`.
    public func photoIDs(matching filter: PhotoFilter, order: SearchOrder, limit: Int, offset: Int) -> SQLFragment {
        """
        SELECT photos.id FROM photos WHERE \(filters.condition(filter)) ORDER BY \(sql: order.orderingSQL(dialect)) \
        LIMIT \(max(0, limit)) OFFSET \(max(0, offset))
        """
    }

    /// How many photos match `filter`, counted up to `limit + 1` (one column: the count).
    public func count(matching filter: PhotoFilter, upTo limit: Int) -> SQLFragment {
        "SELECT COUNT(*) FROM (SELECT 1 FROM photos WHERE \(filters.condition(filter)) LIMIT \(limit + 1)) AS matching"
    }

    /// Photo ids and relevance (higher is better) of the keyword search for `text` among photos matching `filter`;
    /// nil when `text` holds no searchable term or `limit` is not positive.
    public func keywordMatches(_ text: String, filter: PhotoFilter, limit: Int) -> SQLFragment? {
        let terms = KeywordTerms.terms(in: text)
        guard limit > 0, !terms.isEmpty else { return nil }
        return dialect.keywordSearch(terms, conditions: filters.condition(filter), limit: limit)
    }
}

extension PhotoSearchSQL {
    /// Whether the photo has a row in the embedding table `table` (false without a table), for a select list.
    ///
    /// `table` must come from the catalog's own naming (a space's numeric id), never from user text.
    public func hasEmbedding(in table: String?) -> String {
        table.map { "EXISTS (SELECT 1 FROM \($0) e WHERE e.photo_id = photos.id)" } ?? dialect.falseLiteral
    }
}
