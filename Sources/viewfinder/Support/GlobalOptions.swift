import ArgumentParser
import Foundation
import Logging
import ViewfinderApp
import ViewfinderCore

/// Options every command accepts; each overrides its `VIEWFINDER_*` variable and the YAML file.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Storage folder for the catalog and caches (env VIEWFINDER_STORAGE_PATH).")
    var storage: String?

    @Option(help: "Models path; models live in <path>/clip/<name> (env VIEWFINDER_MODELS_PATH).")
    var modelsPath: String?

    @Option(help: "Catalog URL: sqlite:///path/catalog.db, postgres://user:pass@host:5432/db or mariadb://user:pass@host:3306/db (env VIEWFINDER_DATABASE_URL).")
    var database: String?

    @Option(help: "YAML configuration file (env VIEWFINDER_CONFIG_FILE).")
    var config: String?

    @Option(help: "Path of libonnxruntime.so (env VIEWFINDER_ORT_LIBRARY).")
    var ortLibrary: String?

    @Option(help: "Threads for decoding and inference (env VIEWFINDER_THREADS; default: all cores).")
    var threads: Int?

    @Option(help: "Where the encoders run: cpu, cuda or cuda:N (env VIEWFINDER_DEVICE; cuda needs onnxruntime-gpu).")
    var device: String?

    @Option(help: "Keep only the first N embedding components, e.g. 64/128/256 (matryoshka; env VIEWFINDER_DIMS).")
    var dims: Int?

    @Option(help: "In-process vector index rows (SQLite, MariaDB < 11.7): float32, float16 or int8 (env VIEWFINDER_VECTOR_PRECISION).")
    var vectorPrecision: String?

    @Flag(name: .shortAndLong, help: "Log what happens, to standard error.")
    var verbose = false

    /// The flag layer of the configuration, plus any command-specific flags.
    func sources(extra: [String: String?] = [:]) throws(ViewfinderError) -> ConfigurationSources {
        let environment = ProcessInfo.processInfo.environment
        var flags: [String: String] = [:]
        let given: [String: String?] = [
            ConfigurationKey.storagePath.flag: storage, ConfigurationKey.modelsPath.flag: modelsPath,
            ConfigurationKey.databaseURL.flag: database, ConfigurationKey.ortLibrary.flag: ortLibrary,
            ConfigurationKey.threads.flag: threads.map(String.init), ConfigurationKey.dims.flag: dims.map(String.init),
            ConfigurationKey.device.flag: device, ConfigurationKey.vectorPrecision.flag: vectorPrecision,
        ].merging(extra) { $1 }
        for (key, value) in given { if let value { flags[key] = value } }
        let file = try (config ?? environment["VIEWFINDER_CONFIG_FILE"]).map(ConfigurationSources.readYAML(at:)) ?? [:]
        return ConfigurationSources(flags: flags, environment: environment, file: file)
    }

    /// Resolves the configuration and runs `body` with a built application; errors become a clean exit.
    func withApplication<T: Sendable>(
        extra: [String: String?] = [:], minimumLevel: Logger.Level = .warning,
        _ body: (ViewfinderApplication) async throws -> T
    ) async throws -> T {
        // A server logs its requests by default; one-shot commands stay quiet unless asked.
        let level: Logger.Level = verbose ? .info : minimumLevel
        var logger = Logger(label: "viewfinder") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = level
        do {
            let configuration = try ViewfinderConfiguration(sources: sources(extra: extra))
            return try await ViewfinderApplication.with(configuration: configuration, logger: logger, body)
        } catch let error as ViewfinderError {
            Terminal.error(error.message)
            if verbose { Terminal.error(String(reflecting: error)) }
            throw ExitCode.failure
        }
    }
}
