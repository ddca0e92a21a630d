public import ViewfinderCore

/// The models Viewfinder can download by name; sources for every fact are in docs/models.md.
public struct ModelCatalogue: Sendable {
    /// The model used when none is configured: multilingual, 256-d, small enough for a CPU.
    public static let defaultModel: ModelID = "uform3-image-text-multilingual-base"

    /// The built-in catalogue: UForm3 in the UForm layout, OpenCLIP and SigLIP in the Immich layout.
    public static let standard = ModelCatalogue(entries: uform3Entries + immichEntries)

    /// Every entry, in listing order.
    public let entries: [CatalogueEntry]

    /// Creates a catalogue (tests use small ones).
    public init(entries: [CatalogueEntry]) {
        self.entries = entries
    }

    /// The entry named `name`, if any.
    public func entry(named name: ModelID) -> CatalogueEntry? {
        entries.first { $0.name == name }
    }

    /// The entry named `name`, or an error listing the known names.
    public func requireEntry(named name: ModelID) throws(ViewfinderError) -> CatalogueEntry {
        guard let entry = entry(named: name) else {
            let names = entries.map(\.name.rawValue).joined(separator: ", ")
            throw ViewfinderError(
                .notFound,
                "'\(name)' is not in the model catalogue (known: \(names)). "
                    + "For other models, download their files yourself and run `viewfinder models import DIR --name NAME`.")
        }
        return entry
    }
}
