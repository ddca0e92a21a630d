public import Foundation
public import ViewfinderCore

/// Viewfinder's settings, resolved once at start-up and validated.
public struct ViewfinderConfiguration: Sendable, Equatable {
    /// The model used when none is given: the multilingual UForm3 base model.
    public static let defaultModel: ModelID = "uform3-image-text-multilingual-base"

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

    private static func positiveInt(_ text: String?, name: String, default value: Int, max: Int) throws(ViewfinderError) -> Int {
        guard let text else { return value }
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)), (1...max).contains(number) else {
            throw ViewfinderError(.configurationInvalid, "\(name) must be a whole number from 1 to \(max), not '\(text)'")
        }
        return number
    }
}
