import Tokenizers
import Foundation
import NIOPosix
import Testing
import ViewfinderCore
import ViewfinderTestSupport
import ViewfinderVision

/// Reading model folders and installing them into the models path.
struct ModelStoreTests {
    private func makeStore() throws -> (ModelStore, URL) {
        let models = try TestPaths.makeTemporaryDirectory()
        return (ModelStore(modelsPath: models, threadPool: .singleton), models)
    }

    @Test func readsTheTinyModelFromItsOwnConfig() throws {
        let descriptor = try ClipModelDescriptor.load(folder: TestPaths.tinyModel)
        #expect(descriptor.id == "viewfinder-test-tiny")
        #expect(descriptor.layout == .uform)
        #expect(descriptor.preprocessing.imageSize == 224)
        #expect(descriptor.preprocessing.mean == [0.48145466, 0.4578275, 0.40821073])
        #expect(descriptor.contextLength == 32)
        #expect(descriptor.paddingID == 0)
        #expect(descriptor.embeddingDims == 64)
        #expect(descriptor.dims == 64)
        #expect(descriptor.textCleaning == TextCleaning.none)
    }

    @Test func importCopiesIntoClipFolderWritesAManifestAndListsIt() async throws {
        let (store, models) = try makeStore()
        defer { try? FileManager.default.removeItem(at: models) }
        #expect(try store.installed().isEmpty)
        let installed = try await store.importModel(from: TestPaths.tinyModel, as: "tiny-copy")
        #expect(installed.folder.path == models.appendingPathComponent("clip/tiny-copy").path)
        #expect(try store.installed().map(\.descriptor.id) == ["tiny-copy"])
        #expect(try store.installed().first?.sizeBytes ?? 0 > 10_000)
        #expect(try store.installed().first?.hasManifest == true)
        #expect(try store.descriptor(for: "tiny-copy").embeddingDims == 64)

        let manifest = try #require(try ModelManifest.read(in: installed.folder))
        #expect(manifest.model == "tiny-copy")
        #expect(manifest.source.importedFrom == TestPaths.tinyModel.path)
        #expect(manifest.files.map(\.path) == ["README.md", "config.json", "image_encoder.onnx", "text_encoder.onnx", "tokenizer.json"])
        let onnx = try Data(contentsOf: TestPaths.tinyModel.appendingPathComponent("text_encoder.onnx"))
        #expect(manifest.files.first { $0.path == "text_encoder.onnx" }?.sha256 == LoopbackHub.sha256(Array(onnx)))
        #expect(try await store.verify("tiny-copy").passed)
        // Staging folders never remain.
        #expect(try FileManager.default.contentsOfDirectory(atPath: models.appendingPathComponent("clip").path) == ["tiny-copy"])
    }

    @Test func importAcceptsTheOpenCLIPLayout() async throws {
        let (store, models) = try makeStore()
        defer { try? FileManager.default.removeItem(at: models) }
        let source = try ModelFixtures.write(ModelFixtures.openCLIPFiles(sigLIP: true), name: "ViT-L-16-SigLIP-256__webli")
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        let descriptor = try await store.importModel(from: source)
        #expect(descriptor.id == "ViT-L-16-SigLIP-256__webli")
        #expect(descriptor.layout == .openclip)
        #expect(store.inventory().installed.map(\.descriptor.embeddingDims) == [1024])
        let manifest = try #require(try ModelManifest.read(in: descriptor.folder))
        #expect(manifest.files.map(\.path).contains("visual/preprocess_cfg.json"))
    }

    @Test func importFollowsSymbolicLinksLikeAHuggingFaceSnapshot() async throws {
        let (store, models) = try makeStore()
        defer { try? FileManager.default.removeItem(at: models) }
        let snapshot = models.appendingPathComponent("cache/snapshots/abc123")
        try FileManager.default.createDirectory(at: snapshot, withIntermediateDirectories: true)
        for name in ModelLayout.uform.requiredFiles {
            try FileManager.default.createSymbolicLink(
                at: snapshot.appendingPathComponent(name), withDestinationURL: TestPaths.tinyModel.appendingPathComponent(name))
        }
        let descriptor = try await store.importModel(from: snapshot, as: "from-cache")
        let copied = descriptor.folder.appendingPathComponent("text_encoder.onnx")
        let attributes = try FileManager.default.attributesOfItem(atPath: copied.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try ModelManifest.read(in: descriptor.folder)?.files.count == 4)
        #expect(try await store.verify("from-cache").passed)
    }

    @Test func aMissingModelExplainsHowToGetIt() throws {
        let (store, models) = try makeStore()
        defer { try? FileManager.default.removeItem(at: models) }
        #expect {
            _ = try store.descriptor(for: "uform3-image-text-multilingual-base")
        } throws: { error in
            guard let error = error as? ViewfinderError else { return false }
            return error.code == .modelNotInstalled && error.message.contains("viewfinder models import")
                && error.message.contains("viewfinder models download uform3-image-text-multilingual-base")
        }
    }

    @Test func anIncompleteFolderListsWhatIsMissing() async throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: TestPaths.tinyModel.appendingPathComponent("config.json"), to: folder.appendingPathComponent("config.json"))
        await #expect {
            _ = try await ModelStore(modelsPath: folder, threadPool: .singleton).importModel(from: folder, as: "broken")
        } throws: { error in
            let message = (error as? ViewfinderError)?.message ?? ""
            return message.contains("tokenizer.json") && message.contains("image_encoder.onnx")
                && message.contains("visual/model.onnx") && !message.contains("missing config.json")
        }
    }

    @Test func foldersWithPartialFilesOrWrongSizesAreNotInstalled() async throws {
        let (store, models) = try makeStore()
        defer { try? FileManager.default.removeItem(at: models) }
        let folder = try await store.importModel(from: TestPaths.tinyModel, as: "tiny").folder
        try Data([1, 2, 3]).write(to: folder.appendingPathComponent("image_encoder.onnx.partial"))
        #expect(!store.isInstalled("tiny"))
        #expect(store.inventory().installed.isEmpty)
        #expect(store.inventory().problems.first?.reason.contains("unfinished download") == true)
        #expect(try await store.verify("tiny").passed == false)

        try FileManager.default.removeItem(at: folder.appendingPathComponent("image_encoder.onnx.partial"))
        #expect(store.isInstalled("tiny"))
        let encoder = folder.appendingPathComponent("image_encoder.onnx")
        try Data(try Data(contentsOf: encoder).dropLast(10)).write(to: encoder)
        #expect {
            _ = try store.descriptor(for: "tiny")
        } throws: { error in
            let message = (error as? ViewfinderError)?.message ?? ""
            return message.contains("image_encoder.onnx") && message.contains("manifest")
        }
        let report = try await store.verify("tiny")
        #expect(report.files.first { $0.path == "image_encoder.onnx" }?.outcome == .modified)
    }

    @Test func importingAFolderWhoseManifestDoesNotMatchFails() async throws {
        let (store, models) = try makeStore()
        defer { try? FileManager.default.removeItem(at: models) }
        let installed = try await store.importModel(from: TestPaths.tinyModel, as: "tiny").folder
        let copy = try TestPaths.makeTemporaryDirectory().appendingPathComponent("tiny-copy")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try FileManager.default.copyItem(at: installed, to: copy)
        let tokenizer = copy.appendingPathComponent("tokenizer.json")
        var bytes = try Data(contentsOf: tokenizer)
        bytes[10] ^= 0x01
        try bytes.write(to: tokenizer)
        await #expect {
            _ = try await store.importModel(from: copy)
        } throws: { error in
            (error as? ViewfinderError)?.code == .integrityFailed
        }
        #expect(!FileManager.default.fileExists(atPath: store.folder(for: "tiny-copy").path))
    }

    @Test func unsafeNamesAreRefused() async throws {
        let (store, models) = try makeStore()
        defer { try? FileManager.default.removeItem(at: models) }
        for name in ["../escape", "a/b", ".hidden", ""] {
            await #expect(throws: ViewfinderError.self) {
                _ = try await store.importModel(from: TestPaths.tinyModel, as: name)
            }
        }
    }
}
