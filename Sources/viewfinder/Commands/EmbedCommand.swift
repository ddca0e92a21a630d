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

    /// What both subcommands take besides their input.
    struct Options: ParsableArguments {
        @Option(help: "Model to embed with (default: the configured model).")
        var model: String?

        @Flag(help: "Print JSON (the only format; accepted for clarity).")
        var json = false

        @OptionGroup var global: GlobalOptions

        /// Runs `body` with the application for the chosen model and prints the embedding it returns.
        func printEmbedding(
            _ body: (ViewfinderApplication) async throws -> Embedding?
        ) async throws {
            let embedding = try await global.withApplication(extra: [ConfigurationKey.model.flag: model]) { app in
                guard let embedding = try await body(app) else {
                    throw ViewfinderError(.encodeFailed, "the encoder returned no vector")
                }
                return embedding
            }
            try Terminal.json(Output(model: embedding.model.rawValue, dims: embedding.dims, embedding: embedding.vector))
        }
    }

    /// `viewfinder embed text "TEXT"`.
    struct Text: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Embed a text with the text encoder.")

        @Argument(help: "The text to embed.")
        var text: String

        @OptionGroup var options: Options

        func run() async throws {
            let text = text
            try await options.printEmbedding { app in
                try await app.textEmbedder(try app.modelDescriptor()).embed([text]).first
            }
        }
    }

    /// `viewfinder embed image PATH`.
    struct Image: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Embed a picture with the image encoder.")

        @Argument(help: "The picture to embed.")
        var path: String

        @OptionGroup var options: Options

        func run() async throws {
            let url = URL(fileURLWithPath: path)
            try await options.printEmbedding { app in
                let descriptor = try app.modelDescriptor()
                let decoded = try await app.imageDecoder().decode(url, for: descriptor.preprocessing)
                return try await app.imageEmbedder(descriptor).embed([decoded.tensor]).first
            }
        }
    }
}
