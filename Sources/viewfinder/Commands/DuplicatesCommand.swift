import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderServices
import ViewfinderVision

/// `viewfinder duplicates`: groups of near-identical photos, with the one to keep first.
struct DuplicatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "Group near-duplicate photos (copies, resized or re-encoded versions) by embedding distance.")

    @Option(help: "Largest cosine distance (1 - similarity) between two duplicates, 0 to 2.")
    var maxDistance: Float = DuplicateService.defaultMaxDistance

    @Option(help: "Model whose embeddings are compared (default: the configured model).")
    var model: String?

    @Flag(help: "Print the groups as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    /// One group as printed by `--json`.
    struct Group: Codable, Sendable {
        let keeper: Member
        let duplicates: [Member]
        let largestDistance: Float
    }

    /// One photo of a group.
    struct Member: Codable, Sendable {
        let uid: String
        let path: String
        let width: Int
        let height: Int
        let size: Int64

        init(_ photo: Photo) {
            uid = photo.uid
            path = photo.absolutePath
            width = photo.width
            height = photo.height
            size = photo.size
        }
    }

    func validate() throws {
        guard maxDistance.isFinite, (0...2).contains(maxDistance) else {
            throw ValidationError("--max-distance must be between 0 and 2")
        }
    }

    func run() async throws {
        let groups = try await global.withApplication(extra: [ConfigurationKey.model.flag: model]) { app in
            let descriptor = try app.modelDescriptor()
            return try await app.withCatalog { catalog in
                try await DuplicateService(catalog: catalog.store, vectors: catalog.vectors).groups(
                    model: descriptor.id, dims: descriptor.dims, maxDistance: maxDistance)
            }
        }
        let output = groups.map { group in
            Group(keeper: Member(group.keeper), duplicates: group.others.map(Member.init), largestDistance: group.largestDistance)
        }
        if json { return try Terminal.json(output) }
        if output.isEmpty {
            print("no near-duplicates within distance \(maxDistance)")
            return
        }
        for (index, group) in output.enumerated() {
            print("group \(index + 1) (largest distance \(String(format: "%.4f", group.largestDistance))):")
            print("  keep    \(group.keeper.width)x\(group.keeper.height) \(group.keeper.size) B  \(group.keeper.path)")
            for member in group.duplicates {
                print("  remove? \(member.width)x\(member.height) \(member.size) B  \(member.path)")
            }
        }
    }
}
