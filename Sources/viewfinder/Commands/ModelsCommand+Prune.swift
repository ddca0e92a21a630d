import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderVision

extension ModelsCommand {
    /// `viewfinder models prune`: deletes stored vectors of every model except the active one.
    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the catalog's embeddings of every (model, dims) except the active model's.",
            discussion: """
                Switching models keeps the old vectors, so switching back needs no re-indexing; this removes them.
                """)

        @Option(help: "The model whose vectors are kept (default: the configured model).")
        var model: String?

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var global: GlobalOptions

        /// What was pruned.
        struct Output: Codable, Sendable {
            let kept: String
            let deleted: Int
        }

        func run() async throws {
            let output = try await global.withApplication(extra: [ConfigurationKey.model.flag: model]) { app in
                let descriptor = try app.modelDescriptor()
                let dims = descriptor.dims
                let deleted = try await app.withCatalog { catalog in
                    try await catalog.store.pruneEmbeddings(keeping: descriptor.id, dims: dims)
                }
                return Output(kept: "\(descriptor.id)/\(dims)", deleted: deleted)
            }
            if json { return try Terminal.json(output) }
            print("kept \(output.kept); deleted \(output.deleted) embeddings of other models")
        }
    }
}
