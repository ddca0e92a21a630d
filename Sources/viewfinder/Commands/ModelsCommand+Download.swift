import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderVision

extension ModelsCommand {
    /// `viewfinder models download NAME`.
    struct Download: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a catalogue model from the model hub (resumable, checksum-verified).")

        @Argument(help: "The catalogue name, e.g. uform3-image-text-multilingual-base (see `viewfinder models list`).")
        var name: String

        @Option(name: .customLong("as"), help: "Install it under another name.")
        var installName: String?

        @Option(help: "The hub revision (branch, tag or commit) to fetch instead of the catalogue's.")
        var revision: String?

        @Option(help: "The hub base URL (env VIEWFINDER_HUB_URL; default https://huggingface.co).")
        var hubURL: String?

        @Option(help: "A token for gated or private repositories (env VIEWFINDER_HUB_TOKEN).")
        var token: String?

        @Flag(help: "Download again even when the model is installed.")
        var force = false

        @Flag(help: "Print the result as JSON (progress goes to standard error).")
        var json = false

        @OptionGroup var global: GlobalOptions

        /// The JSON result.
        struct Output: Codable, Sendable {
            let name: String
            let path: String
            let layout: String
            let dims: Int
            let alreadyInstalled: Bool
        }

        func run() async throws {
            let progress = DownloadProgressPrinter(bar: Terminal.standardErrorIsTerminal, quiet: json)
            let extra: [String: String?] = [ConfigurationKey.hubURL.flag: hubURL, ConfigurationKey.hubToken.flag: token]
            let output = try await global.withApplication(extra: extra) { app in
                let entry = try ModelCatalogue.standard.requireEntry(named: ModelID(name))
                let result = try await app.modelDownloader().download(
                    entry, as: installName.map { ModelID($0) }, revision: revision, force: force,
                    progress: { progress.show($0) })
                progress.finish()
                return Output(
                    name: result.descriptor.id.rawValue, path: result.descriptor.folder.path,
                    layout: result.descriptor.layout.rawValue, dims: result.descriptor.embeddingDims,
                    alreadyInstalled: result.alreadyInstalled)
            }
            if json { return try Terminal.json(output) }
            if output.alreadyInstalled {
                print("\(output.name) is already installed in \(output.path) (use --force to download it again)")
            } else {
                print("installed \(output.name) (\(output.layout) layout, \(output.dims)-d) in \(output.path)")
            }
        }
    }
}
