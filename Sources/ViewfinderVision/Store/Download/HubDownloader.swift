import AsyncHTTPClient
import Foundation
import NIOCore
public import NIOPosix
public import ViewfinderCore

/// The outcome of `models download`.
public struct DownloadResult: Sendable {
    /// The installed model.
    public let descriptor: ClipModelDescriptor
    /// True when the model was already installed and nothing was fetched.
    public let alreadyInstalled: Bool
}

/// Downloads catalogue models from a Hugging Face-style hub into the model store.
///
/// Files are staged in `clip/.download-<name>`; each arrives as `<file>.partial` (kept across
/// interruptions and continued with `Range`), is checked against the SHA-256 the hub publishes for LFS
/// files, and is renamed once complete. The staged folder gets a manifest and is renamed into place
/// only when every file is there, so a half-finished download is never used.
public struct HubDownloader: Sendable {
    /// Where files come from.
    public let settings: HubSettings
    /// Where models go.
    public let store: ModelStore
    private let threadPool: NIOThreadPool

    /// Creates a downloader; blocking file work (writing, hashing) runs on `threadPool`.
    public init(settings: HubSettings, store: ModelStore, threadPool: NIOThreadPool) {
        self.settings = settings
        self.store = store
        self.threadPool = threadPool
    }

    /// The record of which repository and revision a staging folder holds.
    private struct StagingRecord: Codable, Equatable {
        /// Kept in the staging folder and removed before the folder is installed.
        static let fileName = ".viewfinder-download.json"
        let hub: String
        let repository: String
        let revision: String
    }

    /// Downloads `entry` as `name` (default: its catalogue name) at `revision` (default: the catalogue's).
    ///
    /// An installed, complete model is left alone unless `force` is set.
    public func download(
        _ entry: CatalogueEntry, as name: ModelID? = nil, revision: String? = nil, force: Bool = false,
        progress: @escaping @Sendable (DownloadEvent) -> Void = { _ in }
    ) async throws(ViewfinderError) -> DownloadResult {
        let id = name ?? entry.name
        guard ModelStore.isValidName(id.rawValue) else {
            throw ViewfinderError(.invalidInput, "'\(id)' is not a valid model name (use letters, digits, '.', '-' and '_')")
        }
        if !force, let installed = try? store.descriptor(for: id) {
            return DownloadResult(descriptor: installed, alreadyInstalled: true)
        }
        let record = StagingRecord(
            hub: settings.baseURL.absoluteString, repository: entry.repository, revision: revision ?? entry.revision)
        let staging = store.stagingFolder(for: id)
        try await store.onPool { () throws(ViewfinderError) in try Self.prepare(staging, for: record) }

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let client = HTTPClient(eventLoopGroup: group, configuration: clientConfiguration)
        let outcome: Result<(digests: [String: FileDigest], verified: Set<String>), ViewfinderError>
        do {
            outcome = .success(try await fetchFiles(entry, record: record, staging: staging, client: client, progress: progress))
        } catch {
            outcome = .failure(error)
        }
        try? await client.shutdown()
        try? await group.shutdownGracefully()
        let (digests, verified) = try outcome.get()

        let destination = store.folder(for: id)
        let source = ModelManifest.Source(hub: record.hub, repository: record.repository, revision: record.revision)
        let descriptor = try await store.onPool { () throws(ViewfinderError) -> ClipModelDescriptor in
            try? FileManager.default.removeItem(at: staging.appendingPathComponent(StagingRecord.fileName))
            let layout = try ClipModelDescriptor.load(folder: staging, id: id).layout
            let manifest = try ModelStore.makeManifest(
                folder: staging, id: id, layout: layout, source: source, hubVerified: verified, knownDigests: digests)
            try manifest.write(in: staging)
            try ModelStore.moveIntoPlace(staging, destination: destination)
            return try ClipModelDescriptor.load(folder: destination, id: id)
        }
        return DownloadResult(descriptor: descriptor, alreadyInstalled: false)
    }

    private func fetchFiles(
        _ entry: CatalogueEntry, record: StagingRecord, staging: URL, client: HTTPClient,
        progress: @escaping @Sendable (DownloadEvent) -> Void
    ) async throws(ViewfinderError) -> (digests: [String: FileDigest], verified: Set<String>) {
        let transfer = HubFileTransfer(client: client, settings: settings, threadPool: threadPool)
        var digests: [String: FileDigest] = [:]
        var verified: Set<String> = []
        for (index, file) in entry.files.enumerated() {
            progress(.fileStarted(path: file.path, index: index + 1, count: entry.files.count))
            let destination = staging.appendingPathComponent(file.path)
            // A file without `.partial` in the staging folder was completed and checked by an earlier run.
            if let reused = try await reuse(destination, pinnedSHA256: file.sha256) {
                digests[file.path] = reused
                progress(.fileFinished(path: file.path, bytes: reused.size, verifiedWithHub: false, reused: true))
                continue
            }
            let url = settings.fileURL(repository: record.repository, revision: record.revision, path: file.path)
            let result = try await transfer.download(
                from: url, to: destination, displayPath: file.path, pinnedSHA256: file.sha256, progress: progress)
            digests[file.path] = result.digest
            if result.verifiedWithHub { verified.insert(file.path) }
            progress(.fileFinished(
                path: file.path, bytes: result.digest.size, verifiedWithHub: result.verifiedWithHub, reused: false))
        }
        return (digests, verified)
    }

    private func reuse(_ destination: URL, pinnedSHA256: String?) async throws(ViewfinderError) -> FileDigest? {
        guard FileManager.default.fileExists(atPath: destination.path) else { return nil }
        let digest = try await store.onPool { () throws(ViewfinderError) -> FileDigest in try FileDigest.of(destination) }
        if let pinnedSHA256, digest.sha256 != pinnedSHA256.lowercased() {
            try? FileManager.default.removeItem(at: destination)
            return nil
        }
        return digest
    }

    /// Creates the staging folder, discarding one that holds another repository or revision (blocking).
    private static func prepare(_ staging: URL, for record: StagingRecord) throws(ViewfinderError) {
        let fm = FileManager.default
        let recordURL = staging.appendingPathComponent(StagingRecord.fileName)
        if fm.fileExists(atPath: staging.path) {
            let existing = (try? Data(contentsOf: recordURL)).flatMap { try? JSONDecoder().decode(StagingRecord.self, from: $0) }
            if existing != record { try? fm.removeItem(at: staging) }
        }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try JSONEncoder().encode(record).write(to: recordURL, options: .atomic)
        } catch {
            throw ViewfinderError(.storageFailed, "cannot prepare \(staging.path)", underlying: error)
        }
    }

    private var clientConfiguration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: Self.timeAmount(settings.connectTimeout), read: Self.timeAmount(settings.readTimeout)))
        configuration.decompression = .disabled
        // Our own attempts (with Range resumes) handle retries; AHC's would keep an offline user waiting
        // for the whole connect timeout before saying anything.
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
