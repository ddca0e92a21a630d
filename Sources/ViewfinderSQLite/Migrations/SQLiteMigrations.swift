import GRDB

/// The catalog schema for SQLite, as append-only SQL migrations. Never edit a registered one.
enum SQLiteMigrations {
    /// The migrator with every migration registered, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001_libraries_photos_embeddings") { db in
            try db.execute(sql: v0001)
        }
        return migrator
    }

    private static let v0001 = """
        CREATE TABLE libraries (
            id INTEGER PRIMARY KEY,
            root TEXT NOT NULL UNIQUE,
            added_at REAL NOT NULL
        );
        CREATE TABLE photos (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            library_id INTEGER NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL,
            mtime REAL NOT NULL,
            width INTEGER NOT NULL DEFAULT 0,
            height INTEGER NOT NULL DEFAULT 0,
            index_status TEXT NOT NULL DEFAULT 'pending',
            error_reason TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            added_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            UNIQUE (library_id, path)
        );
        CREATE INDEX photos_content_hash ON photos (content_hash);
        CREATE INDEX photos_index_status ON photos (index_status);
        CREATE TABLE embeddings (
            photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            dims INTEGER NOT NULL,
            vector BLOB NOT NULL,
            created_at REAL NOT NULL,
            PRIMARY KEY (photo_id, model, dims)
        ) WITHOUT ROWID;
        CREATE INDEX embeddings_model_dims ON embeddings (model, dims);
        """
}
