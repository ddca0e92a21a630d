public import Foundation
public import ViewfinderCore

/// A model folder the store will not use, and why.
public struct StoreProblem: Sendable, Equatable {
    /// The model name the folder belongs to.
    public let name: String
    /// The folder.
    public let folder: URL
    /// What is wrong and what to do about it.
    public let reason: String
}

/// Everything in the models path: usable models and folders that are not.
public struct ModelInventory: Sendable, Equatable {
    /// Complete, loadable models, sorted by name.
    public let installed: [InstalledModel]
    /// Unfinished downloads and broken folders.
    public let problems: [StoreProblem]
}

extension ModelStore {
    /// Lists installed models and reports unfinished downloads and folders that cannot be used.
    public func inventory() -> ModelInventory {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: clipFolder.path) else {
            return ModelInventory(installed: [], problems: [])
        }
        var installed: [InstalledModel] = []
        var problems: [StoreProblem] = []
        for name in names.sorted() {
            let folder = clipFolder.appendingPathComponent(name)
            if name.hasPrefix(".download-") {
                let model = String(name.dropFirst(".download-".count))
                problems.append(StoreProblem(
                    name: model, folder: folder,
                    reason: "unfinished download; resume with `viewfinder models download \(model)` "
                        + "or discard it with `viewfinder models remove \(model)`"))
                continue
            }
            guard !name.hasPrefix(".") else { continue }
            do {
                let id = ModelID(name)
                try Self.checkComplete(folder, id: id)
                let descriptor = try ClipModelDescriptor.load(folder: folder, id: id)
                let hasManifest = FileManager.default.fileExists(
                    atPath: folder.appendingPathComponent(ModelManifest.fileName).path)
                installed.append(InstalledModel(
                    descriptor: descriptor, sizeBytes: Self.size(of: folder), hasManifest: hasManifest))
            } catch {
                problems.append(StoreProblem(name: name, folder: folder, reason: error.message))
            }
        }
        return ModelInventory(installed: installed, problems: problems)
    }

    /// Deletes the model `id` and any unfinished download of it.
    public func remove(_ id: ModelID) async throws(ViewfinderError) {
        guard Self.isValidName(id.rawValue) else {
            throw ViewfinderError(.invalidInput, "'\(id)' is not a valid model name")
        }
        let targets = [folder(for: id), stagingFolder(for: id)]
        let removed = try await onPool { () throws(ViewfinderError) -> Int in
            var count = 0
            for target in targets where FileManager.default.fileExists(atPath: target.path) {
                do {
                    try FileManager.default.removeItem(at: target)
                    count += 1
                } catch {
                    throw ViewfinderError(.storageFailed, "cannot delete \(target.path)", underlying: error)
                }
            }
            return count
        }
        guard removed > 0 else {
            throw ViewfinderError(.notFound, "Model '\(id)' is not installed in \(folder(for: id).path).")
        }
    }
}
