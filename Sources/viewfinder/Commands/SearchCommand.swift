import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderVision
import ViewfinderServices

/// `viewfinder search [TEXT…]`: photos matching a description and filters, best first (see docs/search.md).
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find photos by description, filters, a similar photo or a picture.",
        discussion: """
            TEXT may hold key:value filters in PhotoPrism's syntax, e.g. `viewfinder search year:2021 camera:canon beach`.
            Every filter is also a flag. Without text or --clip/--similar/--image the newest matching photos are listed.
            """)

    @Argument(help: "What to look for, plus optional key:value filters (year:2021 camera:\"canon eos\").")
    var text: [String] = []

    @Option(name: [.customLong("count"), .customLong("limit"), .customShort("l")], help: "How many results (1-1000, default 10).")
    var count: Int?
    @Option(help: "Results to skip, for paging.") var offset: String?
    @Option(help: "Model to search with (default: the configured model).") var model: String?
    @Flag(help: "Print the results as JSON.") var json = false

    @Option(help: "Rank by similarity to this text (default: the free text).") var clip: String?
    @Option(help: "Weight of similarity against keyword relevance, 0-1.") var clipWeight: String?
    @Option(help: "Photos like the photo with this uid.") var similar: String?
    @Option(help: "Photos like this picture file.") var image: String?
    @Option(help: "Omit results below this similarity (-1…1; default: the model's value).") var minScore: String?
    @Option(help: "relevance, newest, oldest, added or name.") var order: String?

    @Option(help: "Folder (and below); * wildcards, | alternatives.") var path: String?
    @Option(help: "Same as --path.") var folder: String?
    @Option(help: "File name pattern, e.g. IMG_*.") var name: String?
    @Option(help: "Year(s) taken, e.g. 2020|2021.") var year: String?
    @Option(help: "Month(s) taken, 1-12.") var month: String?
    @Option(help: "Day(s) of the month taken.") var day: String?
    @Option(help: "Taken before this date (YYYY-MM-DD).") var before: String?
    @Option(help: "Taken on or after this date (YYYY-MM-DD).") var after: String?
    @Option(help: "Camera make or model contains this.") var camera: String?
    @Option(help: "Lens contains this.") var lens: String?
    @Option(help: "ISO or range, e.g. 100-800.") var iso: String?
    @Option(name: .customLong("f"), help: "F-number or range, e.g. 1.4-2.8.") var fNumber: String?
    @Option(help: "Focal length (mm) or range.") var mm: String?
    @Option(help: "Latitude of a point (with --lng, --dist).") var lat: String?
    @Option(help: "Longitude of a point.") var lng: String?
    @Option(help: "Distance from the point in km (default 2).") var dist: String?
    @Option(help: "Bounding box north,east,south,west.") var latlng: String?
    @Option(help: "true: has a location; false: has none.") var geo: String?
    @Option(help: "true or false.") var favorite: String?
    @Option(help: "true: only archived photos; false (default): none.") var archived: String?
    @Option(help: "Album uid or title.") var album: String?
    @Option(help: "MIME type, family or format, e.g. jpeg|png.") var type: String?
    @Flag(help: "Only portrait photos.") var portrait = false
    @Flag(help: "Only landscape photos.") var landscape = false
    @Flag(help: "Only square photos.") var square = false
    @Option(help: "At least this many megapixels.") var mp: String?
    @Option(help: "Words that must occur in title, description or keywords.") var keywords: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let count, !(1...SearchQuery.maximumCount).contains(count) {
            throw ValidationError("--count must be between 1 and \(SearchQuery.maximumCount)")
        }
        if image != nil, similar != nil { throw ValidationError("--image and --similar exclude each other") }
    }

    /// The query parameters, named as in the HTTP API.
    var parameters: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        let joined = text.joined(separator: " ")
        if !joined.isEmpty { items.append(("q", joined)) }
        items.append(("count", String(count ?? 10)))
        let options: [(String, String?)] = [
            ("offset", offset), ("clip", clip), ("clip_weight", clipWeight), ("similar", similar), ("min_score", minScore),
            ("order", order), ("path", path), ("folder", folder), ("name", name), ("year", year), ("month", month),
            ("day", day), ("before", before), ("after", after), ("camera", camera), ("lens", lens), ("iso", iso),
            ("f", fNumber), ("mm", mm), ("lat", lat), ("lng", lng), ("dist", dist), ("latlng", latlng), ("geo", geo),
            ("favorite", favorite), ("archived", archived), ("album", album), ("type", type), ("mp", mp),
            ("keywords", keywords), ("portrait", portrait ? "true" : nil), ("landscape", landscape ? "true" : nil),
            ("square", square ? "true" : nil),
        ]
        for case let (name, value?) in options { items.append((name, value)) }
        return items
    }

    func run() async throws {
        let query = try SearchQuery.parse(parameters)
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
            return SearchOutput(model: app.configuration.model.rawValue, query: text.joined(separator: " "), page: page)
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
