/// A complete catalog backend: every role, stored in one database.
///
/// Implementations: SQLite (embedded), PostgreSQL + pgvector, MariaDB, and the tests' in-memory fake; all pass one
/// contract suite. Every write is atomic: a call either commits everything it was given or nothing. Services never
/// take a whole `PhotoCatalog`: each takes the roles it uses (see ``Catalog``).
public protocol PhotoCatalog:
    PhotoReading, PhotoWriting, EmbeddingReading, VectorSearching, KeywordSearching, AlbumStore, CatalogStatistics,
    LibraryTracking
{}
