public import ViewfinderCore
import Foundation

/// The result of re-hashing a model folder against its manifest.
public struct ModelVerification: Sendable, Equatable {
    /// The state of one file.
    public enum Outcome: String, Sendable, Codable {
        /// Size and SHA-256 match the manifest.
        case ok
        /// The file exists but its bytes differ.
        case modified
        /// The file is gone.
        case missing
    }

    /// One checked file.
    public struct FileCheck: Sendable, Equatable {
        /// Path relative to the model folder.
        public let path: String
        /// What was found.
        public let outcome: Outcome
        /// The manifest's SHA-256.
        public let expectedSHA256: String
        /// The file's SHA-256 now, when it exists.
        public let actualSHA256: String?
    }

    /// The model checked.
    public let model: ModelID
    /// Every file the manifest lists.
    public let files: [FileCheck]
    /// Files in the folder that the manifest does not list (not an error, except `.partial` files).
    public let unlistedFiles: [String]
    /// Problems with the folder as a whole (no manifest, unfinished download).
    public let problems: [String]

    /// Whether the folder is exactly what was installed.
    public var passed: Bool {
        problems.isEmpty && files.allSatisfy { $0.outcome == .ok }
    }
}

extension ModelStore {
    /// Re-hashes the model `id` against its manifest.
    public func verify(_ id: ModelID) async throws(ViewfinderError) -> ModelVerification {
        let folder = folder(for: id)
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw ViewfinderError(.notFound, "Model '\(id)' is not installed in \(folder.path).")
        }
        return try await onPool { () throws(ViewfinderError) -> ModelVerification in
            let present = try ModelManifest.filePaths(in: folder)
            var problems: [String] = []
            if let partial = present.first(where: { $0.hasSuffix(".partial") }) {
                problems.append("unfinished download (\(partial))")
            }
            guard let manifest = try ModelManifest.read(in: folder) else {
                problems.append("no \(ModelManifest.fileName); re-import or re-download the model to create one")
                return ModelVerification(model: id, files: [], unlistedFiles: present, problems: problems)
            }
            var checks: [ModelVerification.FileCheck] = []
            for file in manifest.files {
                let url = folder.appendingPathComponent(file.path)
                guard FileManager.default.fileExists(atPath: url.path) else {
                    checks.append(.init(path: file.path, outcome: .missing, expectedSHA256: file.sha256, actualSHA256: nil))
                    continue
                }
                let digest = try FileDigest.of(url)
                let outcome: ModelVerification.Outcome =
                    digest.sha256 == file.sha256 && digest.size == file.size ? .ok : .modified
                checks.append(.init(path: file.path, outcome: outcome, expectedSHA256: file.sha256, actualSHA256: digest.sha256))
            }
            let listed = Set(manifest.files.map(\.path))
            return ModelVerification(
                model: id, files: checks, unlistedFiles: present.filter { !listed.contains($0) }, problems: problems)
        }
    }
}
