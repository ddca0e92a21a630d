public import Foundation
public import ViewfinderCore

extension ModelStore {
    /// Validates the model folder at `source` (either layout), copies it in as `name` (default: the
    /// folder's name) and writes its manifest. An existing model of that name is replaced only once the
    /// copy is complete and valid.
    @discardableResult
    public func importModel(from source: URL, as name: String? = nil) async throws(ViewfinderError) -> ClipModelDescriptor {
        let id = ModelID(name ?? source.standardizedFileURL.lastPathComponent)
        guard Self.isValidName(id.rawValue) else {
            throw ViewfinderError(.invalidInput, "'\(id)' is not a valid model name (use letters, digits, '.', '-' and '_')")
        }
        let destination = folder(for: id)
        let clip = clipFolder
        return try await onPool { () throws(ViewfinderError) -> ClipModelDescriptor in
            let layout = try ClipModelDescriptor.load(folder: source, id: id).layout
            if let partial = try ModelManifest.filePaths(in: source).first(where: { $0.hasSuffix(".partial") }) {
                throw ViewfinderError(
                    .invalidInput, "\(source.path) contains an unfinished download (\(partial)); finish or delete it first")
            }
            let staging = clip.appendingPathComponent(".import-\(UUID().uuidString)")
            let fm = FileManager.default
            do throws(ViewfinderError) {
                do {
                    // File by file, following symbolic links, so that a Hugging Face cache snapshot is copied
                    // as real files rather than as links into the cache.
                    for path in try ModelManifest.filePaths(in: source) {
                        let target = staging.appendingPathComponent(path)
                        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try fm.copyItem(at: source.appendingPathComponent(path).resolvingSymlinksInPath(), to: target)
                    }
                } catch let error as ViewfinderError {
                    throw error
                } catch {
                    throw ViewfinderError(.storageFailed, "cannot copy the model into \(clip.path)", underlying: error)
                }
                // Validate the copy before it replaces anything, so a failed import never breaks an installed model.
                _ = try ClipModelDescriptor.load(folder: staging, id: id)
                let shipped = try ModelManifest.read(in: source)
                let manifest = try Self.makeManifest(
                    folder: staging, id: id, layout: layout, source: ModelManifest.Source(importedFrom: source.path),
                    hubVerified: nil)
                if let shipped { try Self.compare(manifest, against: shipped, id: id) }
                try manifest.write(in: staging)
                try Self.moveIntoPlace(staging, destination: destination)
            } catch {
                try? fm.removeItem(at: staging)
                throw error
            }
            return try ClipModelDescriptor.load(folder: destination, id: id)
        }
    }

    /// Hashes every file of `folder` into a manifest (blocking).
    static func makeManifest(
        folder: URL, id: ModelID, layout: ModelLayout, source: ModelManifest.Source, hubVerified: Set<String>?,
        knownDigests: [String: FileDigest] = [:]
    ) throws(ViewfinderError) -> ModelManifest {
        var files: [ModelManifest.File] = []
        for path in try ModelManifest.filePaths(in: folder) {
            let digest: FileDigest
            if let known = knownDigests[path] {
                digest = known
            } else {
                digest = try FileDigest.of(folder.appendingPathComponent(path))
            }
            files.append(ModelManifest.File(
                path: path, size: digest.size, sha256: digest.sha256,
                verifiedWithHub: hubVerified.map { $0.contains(path) }))
        }
        return ModelManifest(model: id.rawValue, layout: layout, source: source, files: files)
    }

    /// Fails when a file listed in `shipped` differs from what was copied.
    private static func compare(_ copied: ModelManifest, against shipped: ModelManifest, id: ModelID) throws(ViewfinderError) {
        let actual = Dictionary(copied.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        for file in shipped.files where actual[file.path] != file.sha256 {
            let state = actual[file.path] == nil ? "is missing" : "differs from"
            throw ViewfinderError(
                .integrityFailed,
                "\(file.path) \(state) the manifest that came with the folder; '\(id)' was not imported")
        }
    }

    /// Renames a complete `staging` folder to `destination`, replacing what was there (blocking).
    static func moveIntoPlace(_ staging: URL, destination: URL) throws(ViewfinderError) {
        let fm = FileManager.default
        do {
            guard fm.fileExists(atPath: destination.path) else {
                try fm.moveItem(at: staging, to: destination)
                return
            }
            // Both renames stay inside clip/, so each is atomic; the old model is deleted only afterwards.
            let trash = destination.deletingLastPathComponent().appendingPathComponent(".trash-\(UUID().uuidString)")
            try fm.moveItem(at: destination, to: trash)
            do {
                try fm.moveItem(at: staging, to: destination)
            } catch {
                try? fm.moveItem(at: trash, to: destination)
                throw error
            }
            try? fm.removeItem(at: trash)
        } catch {
            throw ViewfinderError(.storageFailed, "cannot move the model into \(destination.path)", underlying: error)
        }
    }
}
