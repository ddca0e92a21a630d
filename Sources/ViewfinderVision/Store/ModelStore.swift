public import Foundation
public import NIOPosix
public import ViewfinderCore

/// An installed model as `models list` shows it.
public struct InstalledModel: Sendable, Equatable {
    /// The model's description, read from its folder.
    public let descriptor: ClipModelDescriptor
    /// Total size of the folder's files in bytes.
    public let sizeBytes: Int64
    /// Whether the folder has a manifest that `models verify` can check.
    public let hasManifest: Bool
}

/// The folder of installed models: `<models path>/clip/<name>`.
///
/// A folder counts as installed only when it is complete: a known layout, no `.partial` files and,
/// when it has a manifest, every listed file present with its recorded size. Downloads are staged in
/// `clip/.download-<name>` and imports in `clip/.import-*`, and are renamed into place only when complete.
public struct ModelStore: Sendable {
    /// The models path (the parent of `clip/`).
    public let modelsPath: URL
    /// Blocking file work (copying, hashing, deleting) runs here.
    let threadPool: NIOThreadPool

    /// Creates a store rooted at `modelsPath` whose blocking work runs on `threadPool`.
    public init(modelsPath: URL, threadPool: NIOThreadPool) {
        self.modelsPath = modelsPath
        self.threadPool = threadPool
    }

    /// The folder that holds every model.
    public var clipFolder: URL {
        modelsPath.appendingPathComponent("clip")
    }

    /// The folder that holds (or would hold) the model `id`.
    public func folder(for id: ModelID) -> URL {
        clipFolder.appendingPathComponent(id.rawValue)
    }

    /// The folder a download of `id` is staged in until it is complete.
    public func stagingFolder(for id: ModelID) -> URL {
        clipFolder.appendingPathComponent(".download-\(id.rawValue)")
    }

    /// Whether the model's folder exists and is complete.
    public func isInstalled(_ id: ModelID) -> Bool {
        (try? descriptor(for: id)) != nil
    }

    /// Reads the installed model `id`, or explains how to get it (or why its folder cannot be used).
    public func descriptor(for id: ModelID) throws(ViewfinderError) -> ClipModelDescriptor {
        let folder = folder(for: id)
        guard FileManager.default.fileExists(atPath: folder.path) else {
            let installed = (try? installed().map(\.descriptor.id.rawValue)) ?? []
            let choice =
                installed.isEmpty
                ? "No model is installed yet."
                : "Installed models: \(installed.joined(separator: ", ")); pick one with --model NAME."
            let download =
                ModelCatalogue.standard.entry(named: id) != nil
                ? "Download it with `viewfinder models download \(id)`, or import" : "Import"
            throw ViewfinderError(
                .modelNotInstalled,
                """
                Model '\(id)' is not installed in \(folder.path). \
                \(download) a local copy of its files with `viewfinder models import DIR --name \(id)`. \(choice)
                """)
        }
        try Self.checkComplete(folder, id: id)
        return try ClipModelDescriptor.load(folder: folder, id: id)
    }

    /// Every complete model folder, sorted by name; incomplete ones are reported by ``inventory()``.
    public func installed() throws(ViewfinderError) -> [InstalledModel] {
        inventory().installed
    }

    /// Whether `name` is safe as a folder name (no separators, no `..`).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 128 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
    }

    /// Refuses folders with unfinished downloads or files that no longer match their manifest in size.
    ///
    /// Sizes are cheap to check on every load; `models verify` re-hashes the contents.
    static func checkComplete(_ folder: URL, id: ModelID) throws(ViewfinderError) {
        let paths = try ModelManifest.filePaths(in: folder)
        if let partial = paths.first(where: { $0.hasSuffix(".partial") }) {
            throw ViewfinderError(
                .integrityFailed,
                "Model '\(id)' has an unfinished download (\(partial)); run `viewfinder models download \(id)` "
                    + "or `viewfinder models remove \(id)`.")
        }
        guard let manifest = try ModelManifest.read(in: folder) else { return }
        for file in manifest.files {
            let url = folder.appendingPathComponent(file.path)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value
            guard let size else {
                throw ViewfinderError(
                    .integrityFailed,
                    "Model '\(id)' is missing \(file.path); re-install it (`viewfinder models verify \(id)` lists what is wrong).")
            }
            guard size == file.size else {
                throw ViewfinderError(
                    .integrityFailed,
                    "Model '\(id)': \(file.path) has \(size) bytes but its manifest says \(file.size); "
                        + "re-install it (`viewfinder models verify \(id)` lists what is wrong).")
            }
        }
    }

    /// Total size of the regular files below `folder`.
    static func size(of folder: URL) -> Int64 {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
        else { return 0 }
        var total: Int64 = 0
        for case let url as URL in enumerator {
            total += Int64((try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0)
        }
        return total
    }

    /// Runs blocking file work on the store's thread pool.
    func onPool<T: Sendable>(_ work: @escaping @Sendable () throws(ViewfinderError) -> T) async throws(ViewfinderError) -> T {
        do {
            return try await threadPool.runIfActive { try work() }
        } catch let error as ViewfinderError {
            throw error
        } catch {
            throw ViewfinderError(.internalFailure, "the model store's worker threads are shut down", underlying: error)
        }
    }
}
