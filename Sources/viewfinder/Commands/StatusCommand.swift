import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderVision

/// `viewfinder status`: the catalog's counts and the active model.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the catalog's backend, counts and the active model.")

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    /// The status report.
    struct Report: Codable, Sendable {
        let database: String
        let backend: String
        let serverVersion: String
        let schemaVersion: String
        let nativeVectorSearch: Bool
        let vectorSupport: String
        let vectorStorage: String
        let vectorIndexes: [String: String]
        let searchPath: String
        let model: String
        let modelInstalled: Bool
        let photos: Int
        let failed: Int
        let missing: Int
        let embedded: [String: Int]
        let clipEnabled: Bool
        let clipRun: String
        let libraryRoots: [String]
    }

    func run() async throws {
        let report = try await global.withApplication { app in
            let (counts, capabilities) = try await app.withCatalog { catalog in
                (try await catalog.store.counts(), try await catalog.capabilities())
            }
            return Report(
                database: app.configuration.database.description, backend: capabilities.backend,
                serverVersion: capabilities.serverVersion, schemaVersion: capabilities.schemaVersion,
                nativeVectorSearch: capabilities.nativeVectorSearch, vectorSupport: capabilities.vectorSupport,
                vectorStorage: capabilities.vectorStorage, vectorIndexes: capabilities.vectorIndexes,
                searchPath: capabilities.searchPath, model: app.configuration.model.rawValue,
                modelInstalled: app.modelStore.isInstalled(app.configuration.model), photos: counts.photos,
                failed: counts.failed, missing: counts.missing, embedded: counts.embedded,
                clipEnabled: app.configuration.indexing.clipEnabled, clipRun: app.configuration.indexing.clipRun.rawValue,
                libraryRoots: app.configuration.indexing.libraryRoots)
        }
        if json { return try Terminal.json(report, pretty: true) }
        print("database: \(report.database)")
        print("backend: \(report.backend) \(report.serverVersion) (schema \(report.schemaVersion))")
        print("vector support: \(report.vectorSupport); stored as \(report.vectorStorage)")
        print("similarity search: \(report.searchPath)")
        for (key, index) in report.vectorIndexes.sorted(by: { $0.key < $1.key }) { print("vector index for \(key): \(index)") }
        print("model: \(report.model)\(report.modelInstalled ? "" : " (not installed)")")
        print("photos: \(report.photos) (\(report.failed) failed, \(report.missing) missing)")
        print("clip: \(report.clipEnabled ? "enabled, embeddings \(report.clipRun)" : "disabled")")
        for (key, count) in report.embedded.sorted(by: { $0.key < $1.key }) { print("embedded with \(key): \(count)") }
    }
}
