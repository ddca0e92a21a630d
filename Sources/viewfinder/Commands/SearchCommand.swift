import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderVision
import ViewfinderServices

/// `viewfinder search "TEXT"`: photos ranked by similarity to a description.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find photos that match a description, best first.")

    @Argument(help: "What to look for, in any language the model understands.")
    var text: String

    @Option(name: [.short, .long], help: "How many results to show (1-1000).")
    var limit = 10

    @Option(help: "Model to search with (default: the configured model).")
    var model: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000") }
        guard text.utf8.count <= 2000 else { throw ValidationError("the search text is longer than 2000 bytes") }
    }

    func run() async throws {
        let output = try await global.withApplication(extra: [ConfigurationKey.model.flag: model]) { app in
            let descriptor = try app.modelDescriptor()
            let results = try await app.withCatalog { catalog in
                try await app.search(descriptor, catalog: catalog).search(text: text, limit: limit)
            }
            return SearchOutput(
                model: descriptor.id.rawValue, query: text,
                results: results.enumerated().map { index, result in
                    SearchOutput.Item(
                        rank: index + 1, score: result.score, path: result.photo.absolutePath, uid: result.photo.uid,
                        width: result.photo.width, height: result.photo.height)
                })
        }
        if json {
            try Terminal.json(output)
        } else if output.results.isEmpty {
            print("no photos are indexed with \(output.model) yet; run `viewfinder index DIR` first")
        } else {
            print(" rank   score  path")
            for item in output.results {
                print(String(format: "%5d  %6.3f  %@", item.rank, item.score, item.path))
            }
        }
    }
}

/// Search results as printed by `--json`.
struct SearchOutput: Codable, Sendable {
    struct Item: Codable, Sendable {
        let rank: Int
        let score: Float
        let path: String
        let uid: String
        let width: Int
        let height: Int
    }

    let model: String
    let query: String
    let results: [Item]
}
