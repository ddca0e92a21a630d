import Foundation
import MariaDBClient
import ViewfinderSQL
public import ViewfinderCore

extension MariaDBCatalog {
    public func vectors(model: ModelID, dims: Int) async throws(ViewfinderError) -> [StoredVector] {
        guard let space = try await space(model: model, dims: dims, create: false) else { return [] }
        return try await run("reading vectors") { connection in
            try connection.query(
                """
                SELECT e.photo_id, e.embedding FROM \(unsafeSQL: space.table) e
                JOIN photos ON photos.id = e.photo_id WHERE photos.index_status = 'indexed'
                """
            ).rows.compactMap { row in
                guard let id = try row.int64(0), let vector = row.bytes(1).flatMap({ MariaDBSpace.decode($0, dims: dims) })
                else { return nil }
                return StoredVector(photoID: id, vector: vector)
            }
        }
    }

    public func embedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Embedding? {
        guard let space = try await space(model: model, dims: dims, create: false) else { return nil }
        return try await run("reading an embedding") { connection in
            try connection.query("SELECT embedding FROM \(unsafeSQL: space.table) WHERE photo_id = \(photoID)").rows.first
                .flatMap { $0.bytes(0) }.flatMap { MariaDBSpace.decode($0, dims: dims) }
                .map { Embedding(model: model, vector: $0) }
        }
    }

    // 11.7+: `ORDER BY VEC_DISTANCE_COSINE(…) LIMIT k` walks the vector index and applies the filter while it
    // walks (same statement), with mhnsw_ef_search set for this statement only (pool-safe). The exact strategy
    // ignores the index. Older servers: the filter runs in SQL and the ranking is an exact scan in process.
    public func nearest(
        to query: Embedding, limit: Int, filter: PhotoFilter, strategy: VectorSearchStrategy
    ) async throws(ViewfinderError) -> [VectorMatch] {
        guard limit > 0, let space = try await space(model: query.model, dims: query.dims, create: false) else { return [] }
        try query.validateForStorage()
        let conditions = MariaDBQuery(Self.statements.filters.condition(filter))
        if space.storage == "vector" {
            let vector = MariaDBSpace.encode(query.vector)
            let efSearch = max(limit, min(configuration.efSearch, 10_000))
            let resolved = strategy == .automatic ? strategy.resolved(matchingPhotos: try await selectiveCount(filter)) : strategy
            let hint = resolved == .exact ? "IGNORE INDEX (\(space.table)_vector)" : ""
            var statement: MariaDBQuery = """
                SET STATEMENT mhnsw_ef_search = \(efSearch) FOR
                SELECT e.photo_id, VEC_DISTANCE_COSINE(e.embedding, \(vector)) AS distance
                FROM \(unsafeSQL: space.table) e \(unsafeSQL: hint) JOIN photos ON photos.id = e.photo_id
                WHERE 
                """
            statement.append(conditions)
            statement.append(" ORDER BY VEC_DISTANCE_COSINE(e.embedding, \(vector)) LIMIT \(limit)")
            let search = statement
            let rows = try await run("searching similar photos") { connection in
                try connection.query(search).rows.map { row in
                    VectorMatch(photoID: try row.int64(0) ?? 0, similarity: Float(1 - (try row.double(1) ?? 1)))
                }
            }
            // The index returns candidates in approximate order; ties and near-ties are settled here.
            return rows.sorted { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.photoID < $1.photoID) }
        }
        var statement: MariaDBQuery = """
            SELECT e.photo_id, e.embedding FROM \(unsafeSQL: space.table) e JOIN photos ON photos.id = e.photo_id WHERE 
            """
        statement.append(conditions)
        let candidates = statement
        let dims = query.dims
        let vector = query.vector
        return try await run("searching similar photos") { connection in
            var ranking = ExactVectorSearch(query: vector, limit: limit)
            for row in try connection.query(candidates).rows {
                if let id = try row.int64(0), let stored = row.bytes(1).flatMap({ MariaDBSpace.decode($0, dims: dims) }) {
                    ranking.offer(photoID: id, vector: stored)
                }
            }
            return ranking.matches
        }
    }

    public func keywordMatches(_ text: String, filter: PhotoFilter, limit: Int) async throws(ViewfinderError) -> [KeywordMatch] {
        guard let search = Self.statements.keywordMatches(text, filter: filter, limit: limit) else { return [] }
        let query = MariaDBQuery(search)
        return try await run("searching keywords") { connection in
            try connection.query(query).rows.map { row in
                KeywordMatch(photoID: try row.int64(0) ?? 0, relevance: try row.double(1) ?? 0)
            }
        }
    }

    public func photoIDs(matching filter: PhotoFilter, limit: Int) async throws(ViewfinderError) -> [Int64] {
        let query = MariaDBQuery(Self.statements.photoIDs(matching: filter, limit: limit))
        return try await run("filtering photos") { connection in
            try connection.query(query).rows.compactMap { try $0.int64(0) }
        }
    }

    public func photoIDs(
        matching filter: PhotoFilter, order: SearchOrder, limit: Int, offset: Int
    ) async throws(ViewfinderError) -> [Int64] {
        let query = MariaDBQuery(Self.statements.photoIDs(matching: filter, order: order, limit: limit, offset: offset))
        return try await run("listing photos") { connection in
            try connection.query(query).rows.compactMap { try $0.int64(0) }
        }
    }

    /// How many photos match `filter`, counted up to `VectorSearchStrategy.selectiveCandidateLimit + 1`.
    func selectiveCount(_ filter: PhotoFilter) async throws(ViewfinderError) -> Int {
        let count = MariaDBQuery(Self.statements.count(matching: filter, upTo: VectorSearchStrategy.selectiveCandidateLimit))
        return try await run("estimating the filter's selectivity") { connection in
            Int(try connection.query(count).rows.first?.int64(0) ?? 0)
        }
    }

    /// The shared search statements in MariaDB's dialect.
    static let statements = PhotoSearchSQL(.mariaDB)
}
