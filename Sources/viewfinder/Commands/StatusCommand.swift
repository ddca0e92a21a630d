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
        let model: String
        let modelInstalled: Bool
        let photos: Int
        let failed: Int
        let embedded: [String: Int]
    }

    func run() async throws {
        let report = try await global.withApplication { app in
            let counts = try await app.openCatalog().counts()
            return Report(
                database: app.configuration.database.description, model: app.configuration.model.rawValue,
                modelInstalled: app.modelStore.isInstalled(app.configuration.model), photos: counts.photos,
                failed: counts.failed, embedded: counts.embedded)
        }
        if json { return try Terminal.json(report, pretty: true) }
        print("database: \(report.database)")
        print("model: \(report.model)\(report.modelInstalled ? "" : " (not installed)")")
        print("photos: \(report.photos) (\(report.failed) failed)")
        for (key, count) in report.embedded.sorted(by: { $0.key < $1.key }) { print("embedded with \(key): \(count)") }
    }
}
