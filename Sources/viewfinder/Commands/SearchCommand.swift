import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderVision
import ViewfinderServices

/// `viewfinder search [TEXT…]`: photos matching a description and filters, best first (see docs/search.md).
///
/// The search fields are not declared here: each field of `SearchField.all` is an option (`--year 2021`) and a
/// `key:value` term in the text, and the help lists them from the same table.
struct SearchCommand: AsyncParsableCommand {
    /// The fields this command declares as options of its own (for their CLI aliases and default).
    static let declaredFields: Set<String> = ["count"]

    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find photos by description, filters, a similar photo or a picture.",
        discussion: """
            TEXT may hold key:value filters in PhotoPrism's syntax, e.g. `viewfinder search year:2021 camera:canon beach`.
            Every filter is also an option (--year 2021, --camera=canon, --portrait). Without text or \
            --clip/--similar/--image the newest matching photos are listed.

            \(SearchFieldArguments.help(skipping: declaredFields))
            """)

    @Argument(
        parsing: .allUnrecognized,
        help: "What to look for, plus key:value filters (year:2021 camera:\"canon eos\") and --field value options.")
    var text: [String] = []

    @Option(name: [.customLong("count"), .customLong("limit"), .customShort("l")], help: "How many results (1-1000, default 10).")
    var count: Int?
    @Option(help: "Model to search with (default: the configured model).") var model: String?
    @Flag(help: "Print the results as JSON.") var json = false
    @Option(help: "Photos like this picture file.") var image: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let count, !(1...SearchQuery.maximumCount).contains(count) {
            throw ValidationError("--count must be between 1 and \(SearchQuery.maximumCount)")
        }
        let fields = try SearchFieldArguments(text).fields
        if image != nil, fields.contains(where: { $0.name == "similar" }) {
            throw ValidationError("--image and --similar exclude each other")
        }
    }

    /// The query parameters for `split` arguments, named as in the HTTP API.
    func parameters(_ split: SearchFieldArguments) -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        let joined = split.text.joined(separator: " ")
        if !joined.isEmpty { items.append(("q", joined)) }
        items.append(("count", String(count ?? 10)))
        return items + split.fields
    }

    func run() async throws {
        let split = try SearchFieldArguments(text)
        let query = try SearchQuery.parse(parameters(split))
        let imageData = try image.map { path in
            do { return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
                throw ValidationError("cannot read --image \(path): \(error.localizedDescription)")
            }
        }
        let output = try await global.withApplication(extra: [ConfigurationKey.model.flag: model]) { app in
            let page = try await app.withCatalog { catalog in
                let service = try app.searchService(catalog: catalog, images: imageData != nil)
                if let imageData { return try await service.search(query, imageData: imageData) }
                return try await service.search(query)
            }
            return SearchOutput(model: app.configuration.model.rawValue, query: split.text.joined(separator: " "), page: page)
        }
        if json {
            try Terminal.json(output)
            return
        }
        for notice in output.notices { Terminal.note(notice) }
        guard !output.results.isEmpty else {
            if output.notices.isEmpty { Terminal.note("no photos match this search") }
            return
        }
        print(" rank   score  taken                 camera                path")
        for item in output.results {
            let taken = item.takenAt ?? "-"
            let camera = item.camera ?? "-"
            let score = output.semantic || item.score != 0 ? String(format: "%6.3f", item.score) : "     -"
            print(String(format: "%5d  %@  %@  %@  %@", item.rank, score,
                         taken.padding(toLength: 20, withPad: " ", startingAt: 0),
                         String(camera.prefix(20)).padding(toLength: 20, withPad: " ", startingAt: 0), item.path))
        }
    }
}
