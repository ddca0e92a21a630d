import ViewfinderSQL

/// The catalog schema for MariaDB, as append-only migrations. Never edit a registered one.
///
/// MariaDB commits DDL implicitly, so a migration is not atomic; every statement is written to be re-runnable
/// (`IF NOT EXISTS`), so a migration interrupted halfway completes on the next start.
enum MariaDBMigrations {
    /// Every migration, in order.
    static let all: [SQLMigration] = [
        SQLMigration(id: "0001_full_catalog", statements: v0001),
        SQLMigration(id: "0002_missing_files", statements: v0002),
        SQLMigration(id: "0003_vector_changes", statements: v0003),
    ]

    // Files that vanished from disk stay (status 'missing') until a grace period after `missing_since` ends.
    private static let v0002 = [
        "ALTER TABLE photos ADD COLUMN IF NOT EXISTS missing_since DATETIME(6) NULL",
        "CREATE INDEX IF NOT EXISTS photos_missing_since ON photos (missing_since)",
    ]

    // A change log for in-process vector indexes in other processes. Written explicitly by the catalog's writes
    // (not by triggers: InnoDB cascades do not fire them, and triggers need extra privileges with binary logging).
    private static let v0003 = [
        """
        CREATE TABLE IF NOT EXISTS vector_changes (
            seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
            photo_id BIGINT NOT NULL
        ) ENGINE=InnoDB
        """
    ]

    // Paths and roots are case-sensitive (utf8mb4_bin) and at most 760 characters, so that a unique index fits
    // InnoDB's 3072-byte key limit. Times are DATETIME(6) in UTC; `mtime` is a DOUBLE so it round-trips exactly.
    // Vectors live in one table per (model, dims), listed in embedding_spaces.
    private static let v0001 = [
        """
        CREATE TABLE IF NOT EXISTS libraries (
            id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
            root VARCHAR(760) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
            added_at DATETIME(6) NOT NULL,
            UNIQUE KEY libraries_root (root)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
        """,
        """
        CREATE TABLE IF NOT EXISTS photos (
            id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
            uid VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            library_id BIGINT NOT NULL,
            path VARCHAR(760) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
            content_hash VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
            size BIGINT NOT NULL,
            mtime DOUBLE NOT NULL,
            mime_type VARCHAR(255) NULL,
            width INT NOT NULL DEFAULT 0,
            height INT NOT NULL DEFAULT 0,
            orientation SMALLINT NOT NULL DEFAULT 1,
            taken_at DATETIME(6) NULL,
            taken_at_local DATETIME(6) NULL,
            taken_src VARCHAR(16) NOT NULL DEFAULT 'unknown',
            camera_make VARCHAR(255) NULL,
            camera_model VARCHAR(255) NULL,
            lens VARCHAR(255) NULL,
            iso INT NULL,
            f_number DOUBLE NULL,
            exposure VARCHAR(64) NULL,
            focal_length DOUBLE NULL,
            latitude DOUBLE NULL,
            longitude DOUBLE NULL,
            altitude DOUBLE NULL,
            title VARCHAR(1024) NULL,
            description TEXT NULL,
            keywords TEXT NOT NULL DEFAULT '',
            favorite TINYINT(1) NOT NULL DEFAULT 0,
            archived TINYINT(1) NOT NULL DEFAULT 0,
            added_at DATETIME(6) NOT NULL,
            updated_at DATETIME(6) NOT NULL,
            index_status VARCHAR(16) NOT NULL DEFAULT 'pending',
            error_reason TEXT NULL,
            attempts INT NOT NULL DEFAULT 0,
            UNIQUE KEY photos_uid (uid),
            UNIQUE KEY photos_library_path (library_id, path),
            KEY photos_content_hash (content_hash),
            KEY photos_index_status (index_status),
            KEY photos_taken_at (taken_at),
            KEY photos_camera (camera_make(64), camera_model(64)),
            KEY photos_location (latitude, longitude),
            FULLTEXT KEY photos_text (title, description, keywords),
            CONSTRAINT photos_library FOREIGN KEY (library_id) REFERENCES libraries (id) ON DELETE CASCADE
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
        """,
        """
        CREATE TABLE IF NOT EXISTS albums (
            id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
            uid VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            title VARCHAR(1024) NOT NULL,
            description TEXT NULL,
            created_at DATETIME(6) NOT NULL,
            updated_at DATETIME(6) NOT NULL,
            UNIQUE KEY albums_uid (uid)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
        """,
        """
        CREATE TABLE IF NOT EXISTS album_photos (
            album_id BIGINT NOT NULL,
            photo_id BIGINT NOT NULL,
            added_at DATETIME(6) NOT NULL,
            PRIMARY KEY (album_id, photo_id),
            KEY album_photos_photo (photo_id),
            CONSTRAINT album_photos_album FOREIGN KEY (album_id) REFERENCES albums (id) ON DELETE CASCADE,
            CONSTRAINT album_photos_photo FOREIGN KEY (photo_id) REFERENCES photos (id) ON DELETE CASCADE
        ) ENGINE=InnoDB
        """,
        """
        CREATE TABLE IF NOT EXISTS embedding_spaces (
            id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
            model VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
            dims INT NOT NULL,
            storage VARCHAR(16) NOT NULL,
            index_kind VARCHAR(32) NOT NULL DEFAULT 'none',
            created_at DATETIME(6) NOT NULL,
            UNIQUE KEY embedding_spaces_model_dims (model, dims)
        ) ENGINE=InnoDB
        """,
    ]
}
