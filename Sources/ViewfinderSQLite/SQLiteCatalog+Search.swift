import Foundation
import GRDB
import ViewfinderSQL
public import ViewfinderCore

extension SQLiteCatalog {
    public func vectors(model: ModelID, dims: Int) async throws(ViewfinderError) -> [StoredVector] {
        try await scanVectors(model: model, dims: dims, filter: .everything, into: [StoredVector]()) { vectors, id, vector in
            vectors.append(StoredVector(photoID: id, vector: vector))
        }
    }

    public func embedding(photoID: Int64, model: ModelID, dims: Int) async throws(ViewfinderError) -> Embedding? {
        let blob = try await read { db in
            try Data.fetchOne(
                db, sql: "SELECT vector FROM embeddings WHERE photo_id = ? AND model = ? AND dims = ?",
                arguments: [photoID, model.rawValue, dims])
        }
        return blob.flatMap { VectorBlob.decode($0, dims: dims) }.map { Embedding(model: model, vector: $0) }
    }

    // SQLite has no vector SQL: the filter runs in SQL, the ranking is an exact scan over the candidates.
    // The in-process SIMD index of the search issue replaces this scan.
    public func nearest(
        to query: Embedding, limit: Int, filter: PhotoFilter, strategy: VectorSearchStrategy
    ) async throws(ViewfinderError) -> [VectorMatch] {
        guard limit > 0 else { return [] }
        let ranking = ExactVectorSearch(query: query.vector, limit: limit)
        return try await scanVectors(model: query.model, dims: query.dims, filter: filter, into: ranking) { ranking, id, vector in
            ranking.offer(photoID: id, vector: vector)
        }.matches
    }

    public func keywordMatches(_ text: String, filter: PhotoFilter, limit: Int) async throws(ViewfinderError) -> [KeywordMatch] {
        guard let search = Self.statements.keywordMatches(text, filter: filter, limit: limit) else { return [] }
        let statement = SQLiteStatement(search)
        return try await read { db in
            try Row.fetchAll(db, sql: statement.sql, arguments: statement.arguments).map { row in
                KeywordMatch(photoID: row["id"], relevance: row["relevance"])
            }
        }
    }

    public func photoIDs(matching filter: PhotoFilter, limit: Int) async throws(ViewfinderError) -> [Int64] {
        try await ids(Self.statements.photoIDs(matching: filter, limit: limit))
    }

    public func photoIDs(
        matching filter: PhotoFilter, order: SearchOrder, limit: Int, offset: Int
    ) async throws(ViewfinderError) -> [Int64] {
        try await ids(Self.statements.photoIDs(matching: filter, order: order, limit: limit, offset: offset))
    }

    /// The shared search statements in SQLite's dialect.
    static let statements = PhotoSearchSQL(.sqlite)

    /// Runs `query`, whose first column is a photo id.
    private func ids(_ query: SQLFragment) async throws(ViewfinderError) -> [Int64] {
        let statement = SQLiteStatement(query)
        return try await read { db in try Int64.fetchAll(db, sql: statement.sql, arguments: statement.arguments) }
    }

    public func finishBulkLoad(model: ModelID, dims: Int) async throws(ViewfinderError) {}

    /// Streams the vectors of `model`/`dims` whose photos match `filter` (indexed photos only).
    private func scanVectors<Result: Sendable>(
        model: ModelID, dims: Int, filter: PhotoFilter, into initial: Result,
        _ visit: @escaping @Sendable (inout Result, Int64, [Float]) -> Void
    ) async throws(ViewfinderError) -> Result {
        let statement = SQLiteStatement("""
            SELECT embeddings.photo_id, embeddings.vector FROM embeddings
            JOIN photos ON photos.id = embeddings.photo_id
            WHERE embeddings.model = \(model.rawValue) AND embeddings.dims = \(dims) \
            AND \(Self.statements.filters.condition(filter))
            """)
        return try await read { db in
            var result = initial
            let rows = try Row.fetchCursor(db, sql: statement.sql, arguments: statement.arguments)
            while let row = try rows.next() {
                let blob: Data = row["vector"]
                // A blob of the wrong length would be a corrupt row; skipping it keeps search answering.
                if let vector = VectorBlob.decode(blob, dims: dims) { visit(&result, row["photo_id"], vector) }
            }
            return result
        }
    }
}
