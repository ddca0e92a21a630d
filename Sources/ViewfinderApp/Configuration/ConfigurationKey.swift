/// One setting and the names it has in each configuration layer.
public struct ConfigurationKey: Sendable, Hashable {
    /// The command-line flag, without dashes (e.g. `storage`).
    public let flag: String
    /// The environment variable (e.g. `VIEWFINDER_STORAGE_PATH`).
    public let environment: String
    /// The key in the YAML file (e.g. `storage_path`).
    public let yaml: String

    /// The storage folder: catalog, caches and (by default) models.
    public static let storagePath = Self(flag: "storage", environment: "VIEWFINDER_STORAGE_PATH", yaml: "storage_path")
    /// The models path (`<models path>/clip/<name>`).
    public static let modelsPath = Self(flag: "models-path", environment: "VIEWFINDER_MODELS_PATH", yaml: "models_path")
    /// The catalog database URL.
    public static let databaseURL = Self(flag: "database", environment: "VIEWFINDER_DATABASE_URL", yaml: "database_url")
    /// The active model's name.
    public static let model = Self(flag: "model", environment: "VIEWFINDER_MODEL", yaml: "model")
    /// The ONNX Runtime library path.
    public static let ortLibrary = Self(flag: "ort-library", environment: "VIEWFINDER_ORT_LIBRARY", yaml: "ort_library")
    /// ONNX Runtime intra-op threads.
    public static let threads = Self(flag: "threads", environment: "VIEWFINDER_THREADS", yaml: "threads")
    /// Pictures per encoder batch.
    public static let batchSize = Self(flag: "batch-size", environment: "VIEWFINDER_BATCH_SIZE", yaml: "batch_size")
    /// Where the encoders run: `cpu`, `cuda` or `cuda:N`.
    public static let device = Self(flag: "device", environment: "VIEWFINDER_DEVICE", yaml: "device")
    /// ONNX Runtime inter-op threads.
    public static let interOpThreads = Self(
        flag: "inter-op-threads", environment: "VIEWFINDER_INTER_OP_THREADS", yaml: "inter_op_threads")
    /// ONNX Runtime graph optimisation level: `disabled`, `basic`, `extended` or `all`.
    public static let graphOptimization = Self(
        flag: "graph-optimization", environment: "VIEWFINDER_GRAPH_OPTIMIZATION", yaml: "graph_optimization")
    /// Whether ONNX Runtime's CPU memory arena is used.
    public static let memoryArena = Self(flag: "memory-arena", environment: "VIEWFINDER_MEMORY_ARENA", yaml: "memory_arena")

    /// Matryoshka truncation: the number of embedding components kept.
    public static let dims = Self(flag: "dims", environment: "VIEWFINDER_DIMS", yaml: "dims")
    /// The model hub's base URL for `models download`.
    public static let hubURL = Self(flag: "hub-url", environment: "VIEWFINDER_HUB_URL", yaml: "hub_url")
    /// A token for gated or private hub repositories.
    public static let hubToken = Self(flag: "token", environment: "VIEWFINDER_HUB_TOKEN", yaml: "hub_token")

    /// Images with more pixels than this are refused before decoding.
    public static let maxPixels = Self(flag: "max-pixels", environment: "VIEWFINDER_MAX_PIXELS", yaml: "max_pixels")
    /// Whether truncated image files are refused (true) or decoded as far as they go.
    public static let rejectTruncated = Self(
        flag: "reject-truncated", environment: "VIEWFINDER_REJECT_TRUNCATED", yaml: "reject_truncated")
    /// How far large JPEGs are shrunk while decoding: `fast`, `balanced` or `off` (exact mode).
    public static let shrinkOnLoad = Self(flag: "shrink-on-load", environment: "VIEWFINDER_SHRINK_ON_LOAD", yaml: "shrink_on_load")
    /// When thumbnails are made: `lazy` or `index`.
    public static let thumbnails = Self(flag: "thumbnails", environment: "VIEWFINDER_THUMBNAILS", yaml: "thumbnails")
    /// The thumbnail format: `jpeg` or `webp`.
    public static let thumbnailFormat = Self(
        flag: "thumbnail-format", environment: "VIEWFINDER_THUMBNAIL_FORMAT", yaml: "thumbnail_format")

    /// The address `serve` listens on (default 127.0.0.1).
    public static let httpHost = Self(flag: "host", environment: "VIEWFINDER_HTTP_HOST", yaml: "http_host")
    /// The port `serve` listens on (default 2342).
    public static let httpPort = Self(flag: "port", environment: "VIEWFINDER_HTTP_PORT", yaml: "http_port")
    /// The admin password's PBKDF2 hash (`viewfinder serve --hash-password` makes one); enables login.
    public static let adminPasswordHash = Self(
        flag: "admin-password-hash", environment: "VIEWFINDER_ADMIN_PASSWORD_HASH", yaml: "admin_password_hash")
    /// SHA-256 hex digests of accepted API tokens, comma-separated; enables auth.
    public static let apiTokenHashes = Self(
        flag: "api-token-hashes", environment: "VIEWFINDER_API_TOKEN_HASHES", yaml: "api_token_hashes")
    /// Allow listening on a non-loopback address without auth.
    public static let allowInsecureRemote = Self(
        flag: "allow-insecure-remote", environment: "VIEWFINDER_ALLOW_INSECURE_REMOTE", yaml: "allow_insecure_remote")
    /// The default similarity threshold of semantic searches, overriding the model catalogue's value.
    public static let minScore = Self(flag: "min-score", environment: "VIEWFINDER_MIN_SCORE", yaml: "min_score")
    /// Mark the session cookie `Secure` (when a TLS reverse proxy serves Viewfinder).
    public static let secureCookie = Self(flag: "secure-cookie", environment: "VIEWFINDER_SECURE_COOKIE", yaml: "secure_cookie")
    /// How long a database operation waits for an unreachable or busy server before it fails as unavailable.
    public static let databaseWait = Self(flag: "database-wait", environment: "VIEWFINDER_DATABASE_WAIT", yaml: "database_wait")
    /// How long indexing keeps retrying a batch while the database is unavailable before the run fails.
    public static let storageOutageTolerance = Self(
        flag: "storage-outage-tolerance", environment: "VIEWFINDER_STORAGE_OUTAGE_TOLERANCE", yaml: "storage_outage_tolerance")
    /// The longest query parameter value, in bytes.
    public static let maxQueryLength = Self(
        flag: "max-query-length", environment: "VIEWFINDER_MAX_QUERY_LENGTH", yaml: "max_query_length")
    /// The largest page size (`count`, at most 1000).
    public static let maxCount = Self(flag: "max-count", environment: "VIEWFINDER_MAX_COUNT", yaml: "max_count")
    /// The largest uploaded picture, in bytes.
    public static let maxUploadBytes = Self(
        flag: "max-upload-bytes", environment: "VIEWFINDER_MAX_UPLOAD_BYTES", yaml: "max_upload_bytes")
    /// Image searches processed at the same time.
    public static let maxConcurrentUploads = Self(
        flag: "max-concurrent-uploads", environment: "VIEWFINDER_MAX_CONCURRENT_UPLOADS", yaml: "max_concurrent_uploads")
    /// Library roots to index (a YAML list, or comma-separated in flags and the environment).
    public static let libraryRoots = Self(flag: "library", environment: "VIEWFINDER_LIBRARY", yaml: "library_roots")
    /// Glob patterns the scan skips (a YAML list, or comma-separated).
    public static let ignore = Self(flag: "ignore", environment: "VIEWFINDER_IGNORE", yaml: "ignore")
    /// Whether the scan follows symbolic links to folders.
    public static let followSymlinks = Self(
        flag: "follow-symlinks", environment: "VIEWFINDER_FOLLOW_SYMLINKS", yaml: "follow_symlinks")
    /// How long photos whose files vanished are kept before they are purged (e.g. `30d`, `12h`, `0`).
    public static let missingGrace = Self(flag: "missing-grace", environment: "VIEWFINDER_MISSING_GRACE", yaml: "missing_grace")
    /// When CLIP embeddings are made: `on-index`, `on-schedule`, `manual` or `never`.
    public static let clipRun = Self(flag: "clip-run", environment: "VIEWFINDER_CLIP_RUN", yaml: "clip_run")
    /// Whether CLIP (embeddings and semantic search) is enabled at all.
    public static let clipEnabled = Self(flag: "clip-enabled", environment: "VIEWFINDER_CLIP_ENABLED", yaml: "clip_enabled")
    /// How often `serve` starts an indexing run in the `on-schedule` mode (e.g. `30m`, `6h`, `1d`).
    public static let indexInterval = Self(
        flag: "index-interval", environment: "VIEWFINDER_INDEX_INTERVAL", yaml: "index_interval")
    /// Whether `serve` watches the library roots (inotify) and indexes changes as they happen.
    public static let watch = Self(flag: "watch", environment: "VIEWFINDER_WATCH", yaml: "watch")
    /// How long the watched library must be quiet before a run starts (e.g. `5s`; runs start at the latest
    /// after the larger of one minute and four times this).
    public static let watchDebounce = Self(
        flag: "watch-debounce", environment: "VIEWFINDER_WATCH_DEBOUNCE", yaml: "watch_debounce")

    /// How long a `index --worker` claim lasts before other workers take its files over (e.g. `5m`).
    public static let workerLease = Self(flag: "worker-lease", environment: "VIEWFINDER_WORKER_LEASE", yaml: "worker_lease")
    /// How the in-process vector index (SQLite, MariaDB without vectors) holds rows: `float32`, `float16` or `int8`.
    public static let vectorPrecision = Self(
        flag: "vector-precision", environment: "VIEWFINDER_VECTOR_PRECISION", yaml: "vector_precision")

    /// Every key, for validation of the YAML file.
    public static let all: [ConfigurationKey] = [
        storagePath, modelsPath, databaseURL, model, ortLibrary, threads, batchSize, dims, hubURL, hubToken,
        device, interOpThreads, graphOptimization, memoryArena,
        maxPixels, rejectTruncated, shrinkOnLoad, thumbnails, thumbnailFormat, vectorPrecision,
        httpHost, httpPort, adminPasswordHash, apiTokenHashes, allowInsecureRemote, maxQueryLength, maxCount,
        maxUploadBytes, maxConcurrentUploads, secureCookie, databaseWait, storageOutageTolerance, minScore,
        libraryRoots, ignore, followSymlinks, missingGrace, clipRun, clipEnabled, indexInterval, workerLease,
        watch, watchDebounce,
    ]
}
