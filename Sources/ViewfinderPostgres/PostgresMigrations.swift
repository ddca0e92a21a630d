import ViewfinderSQL

/// The catalog schema for PostgreSQL, as append-only migrations of single statements, each migration run in one
/// transaction. Never edit a registered one.
enum PostgresMigrations {
    /// Every migration, in order.
    static let all: [SQLMigration] = [
        SQLMigration(id: "0001_full_catalog", statements: v0001),
        SQLMigration(id: "0002_missing_files", statements: v0002),
        SQLMigration(id: "0003_index_leases", statements: v0003),
    ]

    // Claims of `viewfinder index --worker` processes sharing one catalog: one row per file and embedding space.
    private static let v0003 = [
        """
        CREATE TABLE index_leases (
            root TEXT NOT NULL,
            path TEXT NOT NULL,
            space TEXT NOT NULL,
            size BIGINT NOT NULL,
            mtime DOUBLE PRECISION NOT NULL,
            worker TEXT NOT NULL,
            expires_at TIMESTAMPTZ NOT NULL,
            done BOOLEAN NOT NULL DEFAULT FALSE,
            PRIMARY KEY (root, path, space)
        )
        """,
        "CREATE INDEX index_leases_live ON index_leases (expires_at) WHERE NOT done",
    ]

    // Files that vanished from disk stay (status 'missing') until a grace period after `missing_since` ends.
    private static let v0002 = [
        "ALTER TABLE photos ADD COLUMN missing_since TIMESTAMPTZ",
        "CREATE INDEX photos_missing_since ON photos (missing_since) WHERE missing_since IS NOT NULL",
    ]

    // Times are timestamptz (UTC); `taken_at_local` is the wall clock without a zone. `mtime` stays a double so a
    // file's modification time round-trips exactly. Vectors live in one table per (model, dims), listed in
    // embedding_spaces, because a pgvector column has a fixed dimension.
    private static let v0001 = [
        "CREATE EXTENSION IF NOT EXISTS vector",
        """
        CREATE TABLE libraries (
            id BIGSERIAL PRIMARY KEY,
            root TEXT NOT NULL UNIQUE,
            added_at TIMESTAMPTZ NOT NULL
        )
        """,
        """
        CREATE TABLE photos (
            id BIGSERIAL PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            library_id BIGINT NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL DEFAULT '',
            size BIGINT NOT NULL,
            mtime DOUBLE PRECISION NOT NULL,
            mime_type TEXT,
            width INTEGER NOT NULL DEFAULT 0,
            height INTEGER NOT NULL DEFAULT 0,
            orientation SMALLINT NOT NULL DEFAULT 1,
            taken_at TIMESTAMPTZ,
            taken_at_local TIMESTAMP,
            taken_src TEXT NOT NULL DEFAULT 'unknown',
            camera_make TEXT,
            camera_model TEXT,
            lens TEXT,
            iso INTEGER,
            f_number DOUBLE PRECISION,
            exposure TEXT,
            focal_length DOUBLE PRECISION,
            latitude DOUBLE PRECISION,
            longitude DOUBLE PRECISION,
            altitude DOUBLE PRECISION,
            title TEXT,
            description TEXT,
            keywords TEXT NOT NULL DEFAULT '',
            favorite BOOLEAN NOT NULL DEFAULT FALSE,
            archived BOOLEAN NOT NULL DEFAULT FALSE,
            added_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL,
            index_status TEXT NOT NULL DEFAULT 'pending',
            error_reason TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            search_text TSVECTOR GENERATED ALWAYS AS (
                to_tsvector('simple'::regconfig,
                    coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || replace(keywords, ',', ' '))
            ) STORED,
            UNIQUE (library_id, path)
        )
        """,
        "CREATE INDEX photos_content_hash ON photos (content_hash)",
        "CREATE INDEX photos_index_status ON photos (index_status)",
        "CREATE INDEX photos_taken_at ON photos (taken_at)",
        "CREATE INDEX photos_camera ON photos (camera_make, camera_model)",
        "CREATE INDEX photos_location ON photos (latitude, longitude)",
        "CREATE INDEX photos_search_text ON photos USING GIN (search_text)",
        """
        CREATE TABLE albums (
            id BIGSERIAL PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            description TEXT,
            created_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL
        )
        """,
        """
        CREATE TABLE album_photos (
            album_id BIGINT NOT NULL REFERENCES albums(id) ON DELETE CASCADE,
            photo_id BIGINT NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
            added_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (album_id, photo_id)
        )
        """,
        "CREATE INDEX album_photos_photo ON album_photos (photo_id)",
        """
        CREATE TABLE embedding_spaces (
            id SERIAL PRIMARY KEY,
            model TEXT NOT NULL,
            dims INTEGER NOT NULL CHECK (dims > 0),
            storage TEXT NOT NULL CHECK (storage IN ('vector', 'halfvec')),
            index_kind TEXT NOT NULL DEFAULT 'none',
            created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            UNIQUE (model, dims)
        )
        """,
    ]
}
