import Foundation
import NIOCore
import NIOPosix
import NIOConcurrencyHelpers
import Testing
import ViewfinderCore
import ViewfinderTestSupport
import ViewfinderVision

/// `models download` against a loopback hub: redirects, LFS ETags, Range resumes, broken connections.
@Suite(.serialized)
struct HubDownloaderTests {
    /// A hub serving the tiny model, a models folder and a store.
    private struct Fixture {
        let hub: LoopbackHub
        let models: URL
        let store: ModelStore
        let entry = ModelFixtures.tinyEntry()
        let files: [String: [UInt8]]

        static func make() async throws -> Fixture {
            let hub = try await LoopbackHub.start()
            let files = try ModelFixtures.tinyModelFiles()
            for (path, bytes) in files {
                hub.host(bytes, repository: "test-org/tiny-model", path: path, lfs: path.hasSuffix(".onnx"))
            }
            let models = try TestPaths.makeTemporaryDirectory()
            return Fixture(hub: hub, models: models, store: ModelStore(modelsPath: models, threadPool: .singleton), files: files)
        }

        func downloader(token: String? = nil, maxAttempts: Int = 3, baseURL: URL? = nil) -> HubDownloader {
            HubDownloader(
                settings: HubSettings(
                    baseURL: baseURL ?? hub.baseURL, token: token, maxAttempts: maxAttempts, retryDelay: .zero,
                    connectTimeout: .seconds(5), readTimeout: .seconds(10)),
                store: store, threadPool: .singleton)
        }

        func cleanUp() async {
            try? await hub.stop()
            try? FileManager.default.removeItem(at: models)
        }
    }

    /// Collects progress events from the downloader's callbacks.
    private final class Events: Sendable {
        private let list = NIOLockedValueBox<[DownloadEvent]>([])
        func record(_ event: DownloadEvent) { list.withLockedValue { $0.append(event) } }
        var all: [DownloadEvent] { list.withLockedValue { $0 } }
    }

    @Test func downloadsFollowsRedirectsVerifiesAndWritesAManifest() async throws {
        try await withFixture { fixture in
            let events = Events()
            let result = try await fixture.downloader().download(fixture.entry, progress: events.record)

            #expect(!result.alreadyInstalled)
            #expect(result.descriptor.id == "tiny-hub")
            #expect(result.descriptor.folder.path == fixture.models.appendingPathComponent("clip/tiny-hub").path)
            #expect(fixture.store.isInstalled("tiny-hub"))
            let manifest = try #require(try ModelManifest.read(in: result.descriptor.folder))
            #expect(manifest.layout == .uform)
            #expect(manifest.source.repository == "test-org/tiny-model")
            #expect(manifest.source.revision == "main")
            #expect(manifest.files.map(\.path) == fixture.files.keys.sorted())
            for file in manifest.files {
                let bytes = try #require(fixture.files[file.path])
                #expect(file.sha256 == LoopbackHub.sha256(bytes))
                #expect(file.size == Int64(bytes.count))
                // Only LFS files carry a published SHA-256 (X-Linked-Etag); git ETags are SHA-1s.
                #expect(file.verifiedWithHub == file.path.hasSuffix(".onnx"))
            }
            let installed = try FileManager.default.contentsOfDirectory(atPath: fixture.models.appendingPathComponent("clip").path)
            #expect(installed == ["tiny-hub"])
            #expect(Self.files(in: result.descriptor.folder).allSatisfy { !$0.hasSuffix(".partial") })

            let requests = fixture.hub.requests
            #expect(requests.filter { $0.role == .cdn }.count == 2)
            #expect(requests.allSatisfy { $0.range == nil && $0.authorization == nil })
            #expect(events.all.contains(.fileFinished(path: "image_encoder.onnx", bytes: 7749, verifiedWithHub: true, reused: false)))

            let again = try await fixture.downloader().download(fixture.entry)
            #expect(again.alreadyInstalled)
            #expect(fixture.hub.requests.count == requests.count)
        }
    }

    @Test func aBrokenConnectionResumesWithRangeWithoutRefetchingBytes() async throws {
        try await withFixture { fixture in
            let size = try #require(fixture.files["text_encoder.onnx"]).count
            fixture.hub.breakConnections(repository: "test-org/tiny-model", path: "text_encoder.onnx", afterBytes: [20_000])
            let events = Events()
            let result = try await fixture.downloader().download(fixture.entry, progress: events.record)

            let blobRequests = fixture.hub.requests.filter {
                $0.role == .cdn && $0.path.hasSuffix(LoopbackHub.sha256(fixture.files["text_encoder.onnx"] ?? []))
            }
            #expect(blobRequests.count == 2)
            #expect(blobRequests.first?.range == nil)
            #expect(blobRequests.first?.bytesSent == 20_000)
            #expect(blobRequests.last?.range == "bytes=20000-")
            #expect(blobRequests.last?.bytesSent == size - 20_000)
            #expect(blobRequests.map(\.bytesSent).reduce(0, +) == size)
            #expect(events.all.contains(.resumed(path: "text_encoder.onnx", offset: 20_000)))
            #expect(events.all.contains { if case .retrying(path: "text_encoder.onnx", attempt: 2, _) = $0 { true } else { false } })
            let copy = try Data(contentsOf: result.descriptor.folder.appendingPathComponent("text_encoder.onnx"))
            #expect(Array(copy) == fixture.files["text_encoder.onnx"])
        }
    }

    @Test func anInterruptedDownloadIsNotInstalledAndResumesOnTheNextRun() async throws {
        try await withFixture { fixture in
            fixture.hub.breakConnections(repository: "test-org/tiny-model", path: "text_encoder.onnx", afterBytes: [30_000])
            await #expect {
                _ = try await fixture.downloader(maxAttempts: 1).download(fixture.entry)
            } throws: { error in
                (error as? ViewfinderError)?.code == .networkFailed
            }
            let staging = fixture.store.stagingFolder(for: "tiny-hub")
            let partial = staging.appendingPathComponent("text_encoder.onnx.partial")
            #expect(try Data(contentsOf: partial).count == 30_000)
            #expect(!fixture.store.isInstalled("tiny-hub"))
            #expect(!FileManager.default.fileExists(atPath: fixture.store.folder(for: "tiny-hub").path))
            let problems = fixture.store.inventory().problems
            #expect(problems.map(\.name) == ["tiny-hub"])
            #expect(problems.first?.reason.contains("models download tiny-hub") == true)

            let before = fixture.hub.requests.count
            _ = try await fixture.downloader().download(fixture.entry)
            let second = fixture.hub.requests.dropFirst(before)
            // Files finished in the first run are reused; only the broken one is continued.
            #expect(second.filter { $0.role == .cdn }.map(\.range) == ["bytes=30000-"])
            #expect(second.filter { $0.role == .hub }.map(\.path) == ["/test-org/tiny-model/resolve/main/text_encoder.onnx"])
            #expect(fixture.store.isInstalled("tiny-hub"))
            #expect(!FileManager.default.fileExists(atPath: staging.path))
        }
    }

    @Test func aChecksumMismatchFailsAndInstallsNothing() async throws {
        try await withFixture { fixture in
            fixture.hub.corrupt(repository: "test-org/tiny-model", path: "image_encoder.onnx")
            await #expect {
                _ = try await fixture.downloader().download(fixture.entry)
            } throws: { error in
                guard let error = error as? ViewfinderError else { return false }
                return error.code == .integrityFailed && error.message.contains("image_encoder.onnx")
                    && error.message.contains("SHA-256") && error.message.contains("not installed")
            }
            #expect(!fixture.store.isInstalled("tiny-hub"))
            #expect(!FileManager.default.fileExists(atPath: fixture.store.folder(for: "tiny-hub").path))
            let staging = fixture.store.stagingFolder(for: "tiny-hub")
            #expect(!FileManager.default.fileExists(atPath: staging.appendingPathComponent("image_encoder.onnx").path))
            #expect(!FileManager.default.fileExists(atPath: staging.appendingPathComponent("image_encoder.onnx.partial").path))
        }
    }

    @Test func anUnreachableHubNamesTheURLAndSuggestsImport() async throws {
        try await withFixture { fixture in
            let closedPort = try await Self.closedPort()
            let base = URL(string: "http://127.0.0.1:\(closedPort)")!
            await #expect {
                _ = try await fixture.downloader(baseURL: base).download(fixture.entry)
            } throws: { error in
                guard let error = error as? ViewfinderError else { return false }
                return error.code == .networkFailed
                    && error.message.contains("http://127.0.0.1:\(closedPort)/test-org/tiny-model/resolve/main/config.json")
                    && error.message.contains("viewfinder models import DIR")
            }
            #expect(!fixture.store.isInstalled("tiny-hub"))
        }
    }

    @Test func theTokenGoesToTheHubButNotToTheCDN() async throws {
        try await withFixture { fixture in
            fixture.hub.requireToken("s3cret")
            await #expect {
                _ = try await fixture.downloader().download(fixture.entry)
            } throws: { error in
                let message = (error as? ViewfinderError)?.message ?? ""
                return message.contains("401") && message.contains("--token")
            }
            let before = fixture.hub.requests.count
            _ = try await fixture.downloader(token: "s3cret").download(fixture.entry)
            let requests = fixture.hub.requests.dropFirst(before)
            #expect(requests.filter { $0.role == .hub }.count == 4)
            #expect(requests.filter { $0.role == .hub }.allSatisfy { $0.authorization == "Bearer s3cret" })
            #expect(requests.filter { $0.role == .cdn }.allSatisfy { $0.authorization == nil })
            #expect(fixture.store.isInstalled("tiny-hub"))
        }
    }

    @Test func verifyDetectsAModifiedFileAndRemoveDeletesTheModel() async throws {
        try await withFixture { fixture in
            let folder = try await fixture.downloader().download(fixture.entry).descriptor.folder
            #expect(try await fixture.store.verify("tiny-hub").passed)

            let config = folder.appendingPathComponent("config.json")
            var bytes = try Data(contentsOf: config)
            bytes[bytes.count / 2] ^= 0x20
            try bytes.write(to: config)
            let report = try await fixture.store.verify("tiny-hub")
            #expect(!report.passed)
            #expect(report.files.filter { $0.outcome != .ok }.map(\.path) == ["config.json"])
            #expect(report.files.first { $0.path == "config.json" }?.outcome == .modified)

            // A size change is caught on every load, without re-hashing.
            try Data(bytes.dropLast()).write(to: config)
            #expect {
                _ = try fixture.store.descriptor(for: "tiny-hub")
            } throws: { error in
                (error as? ViewfinderError)?.code == .integrityFailed
            }

            try await fixture.store.remove("tiny-hub")
            #expect(!FileManager.default.fileExists(atPath: folder.path))
            await #expect(throws: ViewfinderError.self) { try await fixture.store.remove("tiny-hub") }
        }
    }

    @Test func anImmichLayoutModelDownloadsIntoItsSubfolders() async throws {
        try await withFixture { fixture in
            let files = ModelFixtures.openCLIPFiles()
            for (path, bytes) in files {
                fixture.hub.host(bytes, repository: "immich-app/ViT-B-32__openai", path: path, lfs: path.hasSuffix(".onnx"))
            }
            let entry = try #require(ModelCatalogue.standard.entry(named: "ViT-B-32__openai"))
            let result = try await fixture.downloader().download(entry)
            #expect(result.descriptor.layout == .openclip)
            #expect(result.descriptor.embeddingDims == 512)
            #expect(try Data(contentsOf: result.descriptor.textEncoderURL).count == 8192)
            #expect(fixture.store.inventory().installed.map(\.descriptor.id) == ["ViT-B-32__openai"])
        }
    }

    /// Runs `body` with a fresh fixture and always stops its hub and deletes its folder.
    private func withFixture(_ body: (Fixture) async throws -> Void) async throws {
        let fixture = try await Fixture.make()
        do {
            try await body(fixture)
        } catch {
            await fixture.cleanUp()
            throw error
        }
        await fixture.cleanUp()
    }

    /// Every file below `folder`, as paths relative to it.
    private static func files(in folder: URL) -> [String] {
        (FileManager.default.subpaths(atPath: folder.path) ?? []).filter { path in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }
    }

    /// A loopback port with nothing listening.
    private static func closedPort() async throws -> Int {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 1
        try await channel.close()
        try await group.shutdownGracefully()
        return port
    }
}
