import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderVision

/// `viewfinder models`: list and import CLIP models.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models", abstract: "List and install models.", subcommands: [List.self, Import.self])

    /// `viewfinder models list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List installed models and the default.")

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var global: GlobalOptions

        /// One row of the listing.
        struct Row: Codable, Sendable {
            let name: String
            let layout: String
            let dims: Int
            let imageSize: Int
            let contextLength: Int
            let sizeBytes: Int64
            let path: String
            let isDefault: Bool
        }

        /// The whole listing.
        struct Listing: Codable, Sendable {
            let defaultModel: String
            let defaultInstalled: Bool
            let modelsPath: String
            let installed: [Row]
        }

        func run() async throws {
            let listing = try await global.withApplication { app in
                let active = app.configuration.model
                let rows = try app.modelStore.installed().map { model in
                    Row(
                        name: model.descriptor.id.rawValue, layout: model.descriptor.layout.rawValue,
                        dims: model.descriptor.embeddingDims, imageSize: model.descriptor.preprocessing.imageSize,
                        contextLength: model.descriptor.contextLength, sizeBytes: model.sizeBytes,
                        path: model.descriptor.folder.path, isDefault: model.descriptor.id == active)
                }
                return Listing(
                    defaultModel: active.rawValue, defaultInstalled: rows.contains { $0.isDefault },
                    modelsPath: app.configuration.modelsPath.path, installed: rows)
            }
            if json { return try Terminal.json(listing) }
            print("models path: \(listing.modelsPath)")
            print("default model: \(listing.defaultModel)\(listing.defaultInstalled ? "" : " (not installed)")")
            if listing.installed.isEmpty { print("no models installed; add one with `viewfinder models import DIR`") }
            for row in listing.installed {
                let mark = row.isDefault ? "*" : " "
                let size = ByteCountFormatter.string(fromByteCount: row.sizeBytes, countStyle: .file)
                print("\(mark) \(row.name)  \(row.layout)  \(row.dims)-d  \(row.imageSize)px  \(size)")
            }
        }
    }

    /// `viewfinder models import DIR [--name NAME]`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Copy a model folder (UForm3 layout) into the models path.")

        @Argument(help: "The folder with config.json, tokenizer.json, image_encoder.onnx and text_encoder.onnx.")
        var directory: String

        @Option(help: "The name to install it under (default: the folder's name).")
        var name: String?

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let source = URL(fileURLWithPath: directory).standardizedFileURL
            let descriptor = try await global.withApplication { app in
                try app.modelStore.importModel(from: source, as: name)
            }
            print("installed \(descriptor.id) (\(descriptor.layout.rawValue) layout, \(descriptor.embeddingDims)-d) in \(descriptor.folder.path)")
        }
    }
}
