import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderVision

/// `viewfinder models`: list, download, import, verify and remove CLIP models.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models", abstract: "List, download, import, verify and remove models.",
        subcommands: [List.self, Download.self, Import.self, Verify.self, Remove.self, Prune.self])

    /// `viewfinder models list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List installed models, the catalogue of downloadable models and the default.")

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var global: GlobalOptions

        /// One installed model.
        struct Row: Codable, Sendable {
            let name: String
            let layout: String
            let dims: Int
            let storedDims: Int
            let imageSize: Int
            let contextLength: Int
            let sizeBytes: Int64
            let path: String
            let isDefault: Bool
            let hasManifest: Bool
            let inCatalogue: Bool
        }

        /// One catalogue model.
        struct Available: Codable, Sendable {
            let name: String
            let summary: String
            let repository: String
            let revision: String
            let layout: String
            let tokenizer: String
            let dims: Int
            let matryoshkaDims: [Int]
            let imageSize: Int
            let contextLength: Int
            let languages: [String]
            let licence: String
            let approximateBytes: Int64
            /// False when some file sizes are unknown and `approximateBytes` is a lower bound.
            let sizeIsComplete: Bool
            let installed: Bool
            let isDefault: Bool
        }

        /// A folder that cannot be used.
        struct Problem: Codable, Sendable {
            let name: String
            let path: String
            let reason: String
        }

        /// The whole listing.
        struct Listing: Codable, Sendable {
            /// The configured model (used when a command gets no --model).
            let defaultModel: String
            let defaultInstalled: Bool
            /// The catalogue's default, used when nothing is configured.
            let catalogueDefault: String
            let modelsPath: String
            let installed: [Row]
            let available: [Available]
            let problems: [Problem]
        }

        func run() async throws {
            let listing = try await global.withApplication { app in Self.listing(app) }
            if json { return try Terminal.json(listing) }
            print("models path: \(listing.modelsPath)")
            print("default model: \(listing.defaultModel)\(listing.defaultInstalled ? "" : " (not installed)")")
            print("\ninstalled:")
            if listing.installed.isEmpty { print("  none; `viewfinder models download NAME` or `viewfinder models import DIR`") }
            for row in listing.installed {
                let mark = row.isDefault ? "*" : " "
                let size = ByteCountFormatter.string(fromByteCount: row.sizeBytes, countStyle: .file)
                let dims = row.storedDims == row.dims ? "\(row.dims)-d" : "\(row.storedDims) of \(row.dims)-d"
                print("\(mark) \(row.name)  \(row.layout)  \(dims)  \(row.imageSize)px  \(size)")
            }
            print("\navailable (viewfinder models download NAME):")
            for model in listing.available {
                let size = ByteCountFormatter.string(fromByteCount: model.approximateBytes, countStyle: .file)
                let state = model.installed ? "installed" : model.sizeIsComplete ? "~\(size)" : "more than \(size)"
                print("  \(model.name)  \(model.dims)-d  \(model.languages.count == 1 ? model.languages[0] : "\(model.languages.count) languages")  \(state)")
            }
            if !listing.problems.isEmpty {
                print("\nnot usable:")
                for problem in listing.problems { print("  \(problem.name): \(problem.reason)") }
            }
        }

        private static func listing(_ app: ViewfinderApplication) -> Listing {
            let active = app.configuration.model
            let inventory = app.modelStore.inventory()
            let catalogue = ModelCatalogue.standard
            let rows = inventory.installed.map { model in
                let descriptor = model.descriptor
                let stored = descriptor.id == active ? app.configuration.dims ?? descriptor.dims : descriptor.dims
                return Row(
                    name: descriptor.id.rawValue, layout: descriptor.layout.rawValue, dims: descriptor.embeddingDims,
                    storedDims: min(stored, descriptor.embeddingDims), imageSize: descriptor.preprocessing.imageSize,
                    contextLength: descriptor.contextLength, sizeBytes: model.sizeBytes, path: descriptor.folder.path,
                    isDefault: descriptor.id == active, hasManifest: model.hasManifest,
                    inCatalogue: catalogue.entry(named: descriptor.id) != nil)
            }
            let installedNames = Set(rows.map(\.name))
            let available = catalogue.entries.map { entry in
                Available(
                    name: entry.name.rawValue, summary: entry.summary, repository: entry.repository,
                    revision: entry.revision, layout: entry.layout.rawValue, tokenizer: entry.tokenizer.rawValue,
                    dims: entry.embeddingDims, matryoshkaDims: entry.matryoshkaDims, imageSize: entry.imageSize,
                    contextLength: entry.contextLength, languages: entry.languages, licence: entry.licence,
                    approximateBytes: entry.approximateBytes, sizeIsComplete: entry.sizeIsComplete, installed: installedNames.contains(entry.name.rawValue),
                    isDefault: entry.name == ModelCatalogue.defaultModel)
            }
            return Listing(
                defaultModel: active.rawValue, defaultInstalled: installedNames.contains(active.rawValue),
                catalogueDefault: ModelCatalogue.defaultModel.rawValue, modelsPath: app.configuration.modelsPath.path,
                installed: rows, available: available,
                problems: inventory.problems.map { Problem(name: $0.name, path: $0.folder.path, reason: $0.reason) })
        }
    }
}
