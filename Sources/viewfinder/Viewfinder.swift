import ArgumentParser

/// The `viewfinder` command: natural-language photo search with a local CLIP model.
@main
struct Viewfinder: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "viewfinder",
        abstract: "Find photos by describing them, with a local CLIP model.",
        version: "0.1.0",
        subcommands: [
            IndexCommand.self, SearchCommand.self, EmbedCommand.self, ModelsCommand.self, StatusCommand.self, DoctorCommand.self,
            InspectCommand.self, ServeCommand.self, DuplicatesCommand.self,
        ]
    )
}
