public import Foundation
public import VectorIndex
public import ViewfinderCore
import ViewfinderVision

/// Viewfinder's settings, resolved once at start-up and validated.
public struct ViewfinderConfiguration: Sendable, Equatable {
    /// The model used when none is given: the multilingual UForm3 base model.
    public static let defaultModel: ModelID = ModelCatalogue.defaultModel

    /// The storage folder: catalog, caches and (by default) models.
    public var storagePath: URL
    /// The models path; models live in `<modelsPath>/clip/<name>`.
    public var modelsPath: URL
    /// The catalog location.
    public var database: DatabaseLocation
    /// The active model.
    public var model: ModelID
    /// An explicitly configured ONNX Runtime library, if any.
    public var ortLibrary: String?
    /// ONNX Runtime intra-op threads (and the size of the blocking-work pool).
    public var threads: Int
    /// Pictures per encoder batch and per catalog transaction.
    public var batchSize: Int
    /// How ONNX Runtime runs the encoders (device, threads, graph optimisation, memory arena).
    public var inference: InferenceSettings
    /// How pictures are decoded and thumbnailed (pixel limit, truncated files, shrink-on-load, thumbnails).
    public var imaging: ImagingSettings
    /// Matryoshka truncation: embeddings keep only their first `dims` components (nil: the model's full size).
    public var dims: Int?
    /// How the in-process vector index holds rows (float16 and int8 are re-scored in float32).
    public var vectorPrecision: MatrixPrecision
    /// The model hub's base URL (`models download`).
    public var hubURL: URL
    /// A token for gated or private hub repositories.
    public var hubToken: String?
    /// Library roots, scan rules and when embeddings are made.
    public var indexing: IndexingSettings
    /// How long a database operation waits for a busy or unreachable server before failing as unavailable.
    public var databaseWait: Duration
    /// The configured default `min_score` of semantic searches; nil uses the model catalogue's value.
    public var minScore: Double?

    /// Resolves and validates every setting from `sources`.
    public init(sources: ConfigurationSources) throws(ViewfinderError) {
        let storage = Self.absoluteURL(sources.value(.storagePath) ?? Self.defaultStoragePath(sources.environment))
        storagePath = storage
        modelsPath = sources.value(.modelsPath).map(Self.absoluteURL) ?? storage.appendingPathComponent("models")
        database = try DatabaseLocation(
            url: sources.value(.databaseURL) ?? "sqlite://" + storage.appendingPathComponent("catalog.db").path)
        model = ModelID(sources.value(.model) ?? Self.defaultModel.rawValue)
        ortLibrary = sources.value(.ortLibrary)
        threads = try Self.positiveInt(sources.value(.threads), name: "threads", default: ProcessInfo.processInfo.activeProcessorCount, max: 256)
        batchSize = try Self.positiveInt(sources.value(.batchSize), name: "batch-size", default: 16, max: 1024)
        inference = try InferenceSettings(sources: sources, threads: threads)
        imaging = try ImagingSettings(sources: sources)
        // Checked against the model's own dimension when the model is loaded (ViewfinderApplication.modelDescriptor).
        dims = try sources.value(.dims).map { text throws(ViewfinderError) in
            try Self.positiveInt(text, name: "dims", default: 0, max: 65_536)
        }
        vectorPrecision = try Self.matrixPrecision(sources.value(.vectorPrecision))
        hubURL = try HubSettings.parseURL(sources.value(.hubURL) ?? HubSettings.defaultURL)
        hubToken = sources.value(.hubToken)
        indexing = try IndexingSettings(sources: sources)
        databaseWait = try IndexingSettings.duration(sources.value(.databaseWait), name: "database-wait", default: .seconds(120))
        guard databaseWait >= .seconds(1) else {
            throw ViewfinderError(.configurationInvalid, "database-wait must be at least 1 second")
        }
        minScore = try sources.value(.minScore).map { text throws(ViewfinderError) in
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), (-1...1).contains(value) else {
                throw ViewfinderError(.configurationInvalid, "min-score must be a number from -1 to 1, not '\(text)'")
            }
            return value
        }
    }

    /// `$XDG_DATA_HOME/viewfinder`, else `~/.local/share/viewfinder`.
    static func defaultStoragePath(_ environment: [String: String]) -> String {
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/viewfinder" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/viewfinder"
    }

    private static func absoluteURL(_ path: String) -> URL {
        URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL
    }

    private static func matrixPrecision(_ text: String?) throws(ViewfinderError) -> MatrixPrecision {
        guard let text else { return .float32 }
        guard let precision = MatrixPrecision(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ViewfinderError(.configurationInvalid, "vector-precision must be float32, float16 or int8, not '\(text)'")
        }
        return precision
    }

    private static func positiveInt(_ text: String?, name: String, default value: Int, max: Int) throws(ViewfinderError) -> Int {
        guard let text else { return value }
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)), (1...max).contains(number) else {
            throw ViewfinderError(.configurationInvalid, "\(name) must be a whole number from 1 to \(max), not '\(text)'")
        }
        return number
    }
}
