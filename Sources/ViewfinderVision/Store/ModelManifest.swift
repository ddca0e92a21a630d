public import Foundation
public import ViewfinderCore

/// What an installed model folder contained when it was installed: every file with its size and SHA-256.
///
/// Written as `viewfinder-manifest.json` by `models download` and `models import`; `models verify`
/// re-hashes the folder against it, and the store refuses folders whose files no longer match in size.
public struct ModelManifest: Codable, Sendable, Equatable {
    /// The manifest's file name inside a model folder.
    public static let fileName = "viewfinder-manifest.json"

    /// One file of the model.
    public struct File: Codable, Sendable, Equatable {
        /// Path relative to the model folder, with `/` separators.
        public let path: String
        /// Size in bytes.
        public let size: Int64
        /// Lower-case hexadecimal SHA-256.
        public let sha256: String
        /// Whether the hash was checked against one the hub published (LFS files).
        public let verifiedWithHub: Bool?

        /// Describes one file.
        public init(path: String, size: Int64, sha256: String, verifiedWithHub: Bool? = nil) {
            self.path = path
            self.size = size
            self.sha256 = sha256
            self.verifiedWithHub = verifiedWithHub
        }
    }

    /// Where the files came from.
    public struct Source: Codable, Sendable, Equatable {
        /// The hub base URL (downloads).
        public let hub: String?
        /// The hub repository (downloads).
        public let repository: String?
        /// The revision fetched (downloads).
        public let revision: String?
        /// The folder the files were imported from (imports).
        public let importedFrom: String?

        /// Creates a source description.
        public init(hub: String? = nil, repository: String? = nil, revision: String? = nil, importedFrom: String? = nil) {
            self.hub = hub
            self.repository = repository
            self.revision = revision
            self.importedFrom = importedFrom
        }
    }

    /// The manifest format; bump on incompatible changes.
    public let formatVersion: Int
    /// The model's name.
    public let model: String
    /// The folder's layout.
    public let layout: ModelLayout
    /// Where the files came from.
    public let source: Source
    /// When the model was installed.
    public let createdAt: Date
    /// Every file except the manifest itself, sorted by path.
    public let files: [File]

    /// Creates a manifest.
    public init(model: String, layout: ModelLayout, source: Source, createdAt: Date = Date(), files: [File]) {
        self.formatVersion = 1
        self.model = model
        self.layout = layout
        self.source = source
        self.createdAt = createdAt
        self.files = files.sorted { $0.path < $1.path }
    }

    /// Reads the manifest of `folder`, or nil when it has none.
    public static func read(in folder: URL) throws(ViewfinderError) -> ModelManifest? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(ModelManifest.self, from: Data(contentsOf: url))
        } catch {
            throw ViewfinderError(.integrityFailed, "\(url.path) is unreadable; re-install the model", underlying: error)
        }
    }

    /// Writes the manifest into `folder` (atomically).
    func write(in folder: URL) throws(ViewfinderError) {
        let url = folder.appendingPathComponent(Self.fileName)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            try encoder.encode(self).write(to: url, options: .atomic)
        } catch {
            throw ViewfinderError(.storageFailed, "cannot write \(url.path)", underlying: error)
        }
    }

    /// The files below `folder` as relative paths, excluding the manifest, sorted.
    ///
    /// Symbolic links to files count as files (Hugging Face cache snapshots are made of them).
    static func filePaths(in folder: URL) throws(ViewfinderError) -> [String] {
        let fm = FileManager.default
        guard let subpaths = fm.subpaths(atPath: folder.path) else {
            throw ViewfinderError(.storageFailed, "cannot list \(folder.path)")
        }
        return subpaths.filter { path in
            var isDirectory: ObjCBool = false
            let exists = fm.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue && path != fileName
        }.sorted()
    }
}
