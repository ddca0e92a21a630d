import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderVision
import ViewfinderServices

/// `viewfinder index DIR`: embeds new and changed pictures below a folder.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "Scan a folder and embed its new or changed pictures.")

    @Argument(help: "The library folder to index (recursively).")
    var directory: String

    @Option(help: "Model to embed with (env VIEWFINDER_MODEL; default: the configured model).")
    var model: String?

    @Option(help: "Pictures per encoder batch (env VIEWFINDER_BATCH_SIZE).")
    var batchSize: Int?

    @Flag(help: "Emit progress events and the report as JSON lines.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        let json = self.json
        let report = try await global.withApplication(extra: [
            ConfigurationKey.model.flag: model, ConfigurationKey.batchSize.flag: batchSize.map(String.init),
        ]) { app in
            let descriptor = try app.modelDescriptor()
            return try await app.withCatalog { catalog in
                let indexer = try app.indexer(descriptor, catalog: catalog)
                let progress = ProgressPrinter(enabled: !json && Terminal.standardErrorIsTerminal)
                let report = try await indexer.index(root: root) { event in
                    if json { try? Terminal.json(IndexEventJSON(event)) } else { progress.show(event) }
                }
                progress.finish()
                return IndexRunJSON(model: descriptor.id.rawValue, root: root, report: report)
            }
        }
        if json {
            try Terminal.json(report)
        } else {
            for failure in report.failures { print("failed: \(failure.path): \(failure.reason)") }
            print("indexed \(report.root) with \(report.model): \(report.summary)")
        }
    }
}
