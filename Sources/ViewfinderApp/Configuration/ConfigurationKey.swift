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

    /// Every key, for validation of the YAML file.
    public static let all: [ConfigurationKey] = [storagePath, modelsPath, databaseURL, model, ortLibrary, threads, batchSize]
}
