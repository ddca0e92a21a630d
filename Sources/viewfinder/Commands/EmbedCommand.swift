import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderVision

/// `viewfinder embed text|image`: prints one L2-normalised embedding.
struct EmbedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed", abstract: "Print the embedding of a text or a picture.",
        subcommands: [Text.self, Image.self])

    /// The JSON printed by both subcommands.
    struct Output: Codable, Sendable {
        let model: String
        let dims: Int
        let embedding: [Float]
    }

    /// `viewfinder embed text "TEXT"`.
    struct Text: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Embed a text with the text encoder.")

        @Argument(help: "The text to embed.")
        var text: String

        @Option(help: "Model to embed with (default: the configured model).")
        var model: String?

        @Flag(help: "Print JSON (the only format; accepted for clarity).")
        var json = false

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let embedding = try await global.withApplication(extra: [ConfigurationKey.model.flag: model]) { app in
                let embeddings = try await app.textEmbedder(try app.modelDescriptor()).embed([text])
                guard let first = embeddings.first else {
                    throw ViewfinderError(.encodeFailed, "the text encoder returned no vector")
                }
                return first
            }
            try Terminal.json(Output(model: embedding.model.rawValue, dims: embedding.dims, embedding: embedding.vector))
        }
    }

    /// `viewfinder embed image PATH`.
    struct Image: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Embed a picture with the image encoder.")

        @Argument(help: "The picture to embed.")
        var path: String

        @Option(help: "Model to embed with (default: the configured model).")
        var model: String?

        @Flag(help: "Print JSON (the only format; accepted for clarity).")
        var json = false

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let url = URL(fileURLWithPath: path)
            let embedding = try await global.withApplication(extra: [ConfigurationKey.model.flag: model]) { app in
                let descriptor = try app.modelDescriptor()
                let decoded = try await app.imageDecoder().decode(url, for: descriptor.preprocessing)
                let embeddings = try await app.imageEmbedder(descriptor).embed([decoded.tensor])
                guard let first = embeddings.first else {
                    throw ViewfinderError(.encodeFailed, "the image encoder returned no vector")
                }
                return first
            }
            try Terminal.json(Output(model: embedding.model.rawValue, dims: embedding.dims, embedding: embedding.vector))
        }
    }
}
