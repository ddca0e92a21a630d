public import Foundation
public import ViewfinderCore

/// An installed model as `models list` shows it.
public struct InstalledModel: Sendable, Equatable {
    /// The model's description, read from its folder.
    public let descriptor: ClipModelDescriptor
    /// Total size of the folder's files in bytes.
    public let sizeBytes: Int64
}

/// The folder of installed models: `<models path>/clip/<name>`.
public struct ModelStore: Sendable {
    /// The models path (the parent of `clip/`).
    public let modelsPath: URL

    /// Creates a store rooted at `modelsPath`.
    public init(modelsPath: URL) {
        self.modelsPath = modelsPath
    }

    /// The folder that holds (or would hold) the model `id`.
    public func folder(for id: ModelID) -> URL {
        modelsPath.appendingPathComponent("clip").appendingPathComponent(id.rawValue)
    }

    /// Whether the model's folder exists.
    public func isInstalled(_ id: ModelID) -> Bool {
        FileManager.default.fileExists(atPath: folder(for: id).path)
    }

    /// Reads the installed model `id`, or explains how to get it.
    public func descriptor(for id: ModelID) throws(ViewfinderError) -> ClipModelDescriptor {
        guard isInstalled(id) else {
            let installed = (try? installed().map(\.descriptor.id.rawValue)) ?? []
            let choice =
                installed.isEmpty
                ? "No model is installed yet."
                : "Installed models: \(installed.joined(separator: ", ")); pick one with --model NAME."
            throw ViewfinderError(
                .modelNotInstalled,
                """
                Model '\(id)' is not installed in \(folder(for: id).path). \
                Import a local copy of its files with `viewfinder models import DIR --name \(id)`. \(choice)
                """)
        }
        return try ClipModelDescriptor.load(folder: folder(for: id), id: id)
    }

    /// Every readable model folder, sorted by name; unreadable folders are skipped.
    public func installed() throws(ViewfinderError) -> [InstalledModel] {
        let clip = modelsPath.appendingPathComponent("clip")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: clip.path) else { return [] }
        return names.sorted().compactMap { name in
            guard !name.hasPrefix("."),
                let descriptor = try? ClipModelDescriptor.load(folder: clip.appendingPathComponent(name))
            else { return nil }
            return InstalledModel(descriptor: descriptor, sizeBytes: Self.size(of: descriptor.folder))
        }
    }

    /// Validates the model folder at `source` and copies it in as `name` (default: the folder's name).
    @discardableResult
    public func importModel(from source: URL, as name: String? = nil) throws(ViewfinderError) -> ClipModelDescriptor {
        let id = ModelID(name ?? source.standardizedFileURL.lastPathComponent)
        guard Self.isValidName(id.rawValue) else {
            throw ViewfinderError(.invalidInput, "'\(id)' is not a valid model name (use letters, digits, '.', '-' and '_')")
        }
        _ = try ClipModelDescriptor.load(folder: source, id: id)
        let destination = folder(for: id)
        let staging = destination.deletingLastPathComponent().appendingPathComponent(".import-\(UUID().uuidString)")
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: staging.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: source, to: staging)
            // Validate the copy before it replaces anything, so a failed import never breaks an installed model.
            _ = try ClipModelDescriptor.load(folder: staging, id: id)
            if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
            try fm.moveItem(at: staging, to: destination)
        } catch let error as ViewfinderError {
            try? fm.removeItem(at: staging)
            throw error
        } catch {
            try? fm.removeItem(at: staging)
            throw ViewfinderError(.storageFailed, "cannot copy the model into \(destination.path)", underlying: error)
        }
        return try ClipModelDescriptor.load(folder: destination, id: id)
    }

    /// Whether `name` is safe as a folder name (no separators, no `..`).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 128 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
    }

    private static func size(of folder: URL) -> Int64 {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
        else { return 0 }
        var total: Int64 = 0
        for case let url as URL in enumerator {
            total += Int64((try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0)
        }
        return total
    }
}
