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

    /// How the in-process vector index (SQLite, MariaDB without vectors) holds rows: `float32`, `float16` or `int8`.
    public static let vectorPrecision = Self(
        flag: "vector-precision", environment: "VIEWFINDER_VECTOR_PRECISION", yaml: "vector_precision")

    /// Every key, for validation of the YAML file.
    public static let all: [ConfigurationKey] = [
        storagePath, modelsPath, databaseURL, model, ortLibrary, threads, batchSize, dims, hubURL, hubToken,
        device, interOpThreads, graphOptimization, memoryArena,
        maxPixels, rejectTruncated, shrinkOnLoad, thumbnails, thumbnailFormat, vectorPrecision,
    ]
}
