import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderVision
import ViewfinderServices

/// `viewfinder index [DIR…]`: follows moved and deleted files and embeds new or changed pictures.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Scan library folders and embed their new or changed pictures.",
        discussion: """
            Without folders, indexes the configured library roots (library_roots / VIEWFINDER_LIBRARY).
            SIGINT or SIGTERM finish the current batch and exit; a killed run resumes where it was.
            """)

    @Argument(help: "Library folders to index (recursively); default: the configured library roots.")
    var directories: [String] = []

    @Option(help: "Model to embed with (env VIEWFINDER_MODEL; default: the configured model).")
    var model: String?

    @Option(help: "Pictures per encoder batch (env VIEWFINDER_BATCH_SIZE).")
    var batchSize: Int?

    @Flag(help: "Re-read every file, even when its size and time did not change.")
    var rescan = false

    @Flag(help: "Retry files that failed before, even when they did not change.")
    var retryFailed = false

    @Flag(help: "Share the work with other `index --worker` processes on the same PostgreSQL catalog.")
    var worker = false

    @Flag(help: "Emit progress events and the report as JSON lines.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let json = self.json
        let (rescan, retryFailed, shared) = (self.rescan, self.retryFailed, self.worker)
        let folders = directories.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let stop = IndexingStopSignal()
        let signals = StopOnSignals(stop)
        defer { withExtendedLifetime(signals) {} }
        let report = try await global.withApplication(extra: [
            ConfigurationKey.model.flag: model, ConfigurationKey.batchSize.flag: batchSize.map(String.init),
        ]) { app in
            let roots = folders.isEmpty ? app.configuration.indexing.libraryRoots : folders
            guard !roots.isEmpty else {
                throw ViewfinderError(
                    .invalidInput, "no library folder: pass one, or configure library_roots (VIEWFINDER_LIBRARY)")
            }
            // Without embeddings no model is loaded (nor needs to be installed).
            let embeds = app.configuration.indexing.embeds
            let descriptor = embeds ? try app.modelDescriptor() : nil
            let modelName = descriptor?.id.rawValue ?? app.configuration.model.rawValue
            return try await app.withCatalog { catalog in
                let indexer = try descriptor.map { try app.indexer($0, catalog: catalog) } ?? app.metadataIndexer(catalog: catalog)
                let progress = ProgressPrinter(enabled: !json && Terminal.standardErrorIsTerminal)
                var claims: (any WorkClaiming)?
                if shared {
                    guard let sharing = catalog.store as? any WorkClaiming else {
                        throw ViewfinderError(.invalidInput, "--worker needs a PostgreSQL catalog (--database postgres://…)")
                    }
                    claims = sharing
                }
                let run = app.indexingRun(rescan: rescan, retryFailed: retryFailed, stop: stop, sharedWith: claims)
                let report = try await indexer.index(roots: roots, run: run) { event in
                    if json { try? Terminal.json(IndexEventJSON(event)) } else { progress.show(event) }
                }
                progress.finish()
                return IndexRunJSON(model: modelName, roots: roots, report: report)
            }
        }
        if json {
            try Terminal.json(report)
        } else {
            for failure in report.failures { print("failed: \(failure.path): \(failure.reason)") }
            print("indexed \(report.roots.joined(separator: ", ")) with \(report.model): \(report.summary)")
        }
    }
}
