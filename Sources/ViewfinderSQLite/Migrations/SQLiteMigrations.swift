import GRDB

/// The catalog schema for SQLite, as append-only SQL migrations. Never edit a registered one.
enum SQLiteMigrations {
    /// The migrator with every migration registered, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001_libraries_photos_embeddings") { db in
            try db.execute(sql: v0001)
        }
        migrator.registerMigration("0002_full_catalog_albums_fts") { db in
            try db.execute(sql: v0002)
        }
        migrator.registerMigration("0003_missing_files") { db in
            try db.execute(sql: v0003)
        }
        migrator.registerMigration("0004_vector_changes") { db in
            try db.execute(sql: v0004)
        }
        migrator.registerMigration("0005_status_taken_at") { db in
            try db.execute(sql: v0005)
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

    // Adds the rest of the logical schema: identity, image, capture, text, flags; albums; keyword search.
    // Times stay REAL seconds since 1970 (UTC), like 0001; `taken_at_local` is the wall clock read as UTC.
    private static let v0002 = """
        ALTER TABLE photos ADD COLUMN mime_type TEXT;
        ALTER TABLE photos ADD COLUMN orientation INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE photos ADD COLUMN taken_at REAL;
        ALTER TABLE photos ADD COLUMN taken_at_local REAL;
        ALTER TABLE photos ADD COLUMN taken_src TEXT NOT NULL DEFAULT 'unknown';
        ALTER TABLE photos ADD COLUMN camera_make TEXT;
        ALTER TABLE photos ADD COLUMN camera_model TEXT;
        ALTER TABLE photos ADD COLUMN lens TEXT;
        ALTER TABLE photos ADD COLUMN iso INTEGER;
        ALTER TABLE photos ADD COLUMN f_number REAL;
        ALTER TABLE photos ADD COLUMN exposure TEXT;
        ALTER TABLE photos ADD COLUMN focal_length REAL;
        ALTER TABLE photos ADD COLUMN latitude REAL;
        ALTER TABLE photos ADD COLUMN longitude REAL;
        ALTER TABLE photos ADD COLUMN altitude REAL;
        ALTER TABLE photos ADD COLUMN title TEXT;
        ALTER TABLE photos ADD COLUMN description TEXT;
        ALTER TABLE photos ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
        ALTER TABLE photos ADD COLUMN favorite INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE photos ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX photos_taken_at ON photos (taken_at);
        CREATE INDEX photos_camera ON photos (camera_make, camera_model);
        CREATE INDEX photos_location ON photos (latitude, longitude);

        CREATE TABLE albums (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            description TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE album_photos (
            album_id INTEGER NOT NULL REFERENCES albums(id) ON DELETE CASCADE,
            photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
            added_at REAL NOT NULL,
            PRIMARY KEY (album_id, photo_id)
        ) WITHOUT ROWID;
        CREATE INDEX album_photos_photo ON album_photos (photo_id);

        CREATE VIRTUAL TABLE photos_fts USING fts5(
            title, description, keywords, content='photos', content_rowid='id',
            tokenize='unicode61 remove_diacritics 0'
        );
        CREATE TRIGGER photos_fts_insert AFTER INSERT ON photos BEGIN
            INSERT INTO photos_fts (rowid, title, description, keywords)
            VALUES (new.id, new.title, new.description, new.keywords);
        END;
        CREATE TRIGGER photos_fts_delete AFTER DELETE ON photos BEGIN
            INSERT INTO photos_fts (photos_fts, rowid, title, description, keywords)
            VALUES ('delete', old.id, old.title, old.description, old.keywords);
        END;
        CREATE TRIGGER photos_fts_update AFTER UPDATE OF title, description, keywords ON photos BEGIN
            INSERT INTO photos_fts (photos_fts, rowid, title, description, keywords)
            VALUES ('delete', old.id, old.title, old.description, old.keywords);
            INSERT INTO photos_fts (rowid, title, description, keywords)
            VALUES (new.id, new.title, new.description, new.keywords);
        END;
        INSERT INTO photos_fts (photos_fts) VALUES ('rebuild');
        """

    // Files that vanished from disk stay (status 'missing') until a grace period after `missing_since` ends.
    private static let v0003 = """
        ALTER TABLE photos ADD COLUMN missing_since REAL;
        CREATE INDEX photos_missing_since ON photos (missing_since) WHERE missing_since IS NOT NULL;
        """

    // A change log for in-process vector indexes in other processes: triggers record every photo whose
    // embeddings, index status or archived flag changed, or that was deleted (cascades fire triggers in SQLite).
    private static let v0004 = """
        CREATE TABLE vector_changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            photo_id INTEGER NOT NULL
        );
        CREATE TRIGGER vector_changes_embedding_insert AFTER INSERT ON embeddings BEGIN
            INSERT INTO vector_changes (photo_id) VALUES (new.photo_id);
        END;
        CREATE TRIGGER vector_changes_embedding_update AFTER UPDATE ON embeddings BEGIN
            INSERT INTO vector_changes (photo_id) VALUES (new.photo_id);
        END;
        CREATE TRIGGER vector_changes_embedding_delete AFTER DELETE ON embeddings BEGIN
            INSERT INTO vector_changes (photo_id) VALUES (old.photo_id);
        END;
        CREATE TRIGGER vector_changes_photo_update AFTER UPDATE OF index_status, archived ON photos BEGIN
            INSERT INTO vector_changes (photo_id) VALUES (new.id);
        END;
        CREATE TRIGGER vector_changes_photo_delete AFTER DELETE ON photos BEGIN
            INSERT INTO vector_changes (photo_id) VALUES (old.id);
        END;
        """

    // Every filter clause starts with `index_status = 'indexed'`; without statistics SQLite prefers that
    // equality's index over the `taken_at` range and visits every indexed photo (a one-year filter at 100k rows
    // read all 100k). This index answers both, and carries `archived` (every default filter has `archived = 0`)
    // so the candidate query never touches the table.
    private static let v0005 = """
        CREATE INDEX photos_status_taken_at ON photos (index_status, taken_at, archived);
        """
}
