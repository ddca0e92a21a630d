import Foundation
import Testing
import ViewfinderCore
import ViewfinderTestSupport
import ViewfinderVision

/// Reading model folders and installing them into the models path.
struct ModelStoreTests {
    @Test func readsTheTinyModelFromItsOwnConfig() throws {
        let descriptor = try ClipModelDescriptor.load(folder: TestPaths.tinyModel)
        #expect(descriptor.id == "viewfinder-test-tiny")
        #expect(descriptor.layout == .uform)
        #expect(descriptor.preprocessing.imageSize == 224)
        #expect(descriptor.preprocessing.mean == [0.48145466, 0.4578275, 0.40821073])
        #expect(descriptor.contextLength == 32)
        #expect(descriptor.paddingID == 0)
        #expect(descriptor.embeddingDims == 64)
    }

    @Test func importCopiesIntoClipFolderAndListsIt() throws {
        let models = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: models) }
        let store = ModelStore(modelsPath: models)
        #expect(try store.installed().isEmpty)
        let installed = try store.importModel(from: TestPaths.tinyModel, as: "tiny-copy")
        #expect(installed.folder.path == models.appendingPathComponent("clip/tiny-copy").path)
        #expect(try store.installed().map(\.descriptor.id) == ["tiny-copy"])
        #expect(try store.installed().first?.sizeBytes ?? 0 > 10_000)
        #expect(try store.descriptor(for: "tiny-copy").embeddingDims == 64)
    }

    @Test func aMissingModelExplainsHowToGetIt() throws {
        let models = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: models) }
        #expect {
            _ = try ModelStore(modelsPath: models).descriptor(for: "uform3-image-text-multilingual-base")
        } throws: { error in
            guard let error = error as? ViewfinderError else { return false }
            return error.code == .modelNotInstalled && error.message.contains("viewfinder models import")
        }
    }

    @Test func anIncompleteFolderListsWhatIsMissing() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: TestPaths.tinyModel.appendingPathComponent("config.json"), to: folder.appendingPathComponent("config.json"))
        #expect {
            _ = try ModelStore(modelsPath: folder).importModel(from: folder, as: "broken")
        } throws: { error in
            let message = (error as? ViewfinderError)?.message ?? ""
            return message.contains("tokenizer.json") && message.contains("image_encoder.onnx")
                && !message.contains("config.json")
        }
    }

    @Test func unsafeNamesAreRefused() throws {
        let models = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: models) }
        for name in ["../escape", "a/b", ".hidden", ""] {
            #expect(throws: ViewfinderError.self) {
                _ = try ModelStore(modelsPath: models).importModel(from: TestPaths.tinyModel, as: name)
            }
        }
    }
}
