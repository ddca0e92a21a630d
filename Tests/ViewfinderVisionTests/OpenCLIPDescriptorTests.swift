import Tokenizers
import Foundation
import Testing
import ViewfinderCore
import ViewfinderVision

/// Reading OpenCLIP/Immich-layout folders: open_clip's config.json and preprocess_cfg.json.
struct OpenCLIPDescriptorTests {
    @Test func readsAViTB32StyleFolder() throws {
        let folder = try ModelFixtures.write(ModelFixtures.openCLIPFiles(), name: "ViT-B-32__openai")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let descriptor = try ClipModelDescriptor.load(folder: folder)
        #expect(descriptor.id == "ViT-B-32__openai")
        #expect(descriptor.layout == .openclip)
        #expect(descriptor.embeddingDims == 512)
        #expect(descriptor.dims == 512)
        #expect(descriptor.contextLength == 77)
        #expect(descriptor.preprocessing.imageSize == 224)
        #expect(descriptor.preprocessing.mean == [0.48145466, 0.4578275, 0.40821073])
        #expect(descriptor.preprocessing.std == [0.26862954, 0.26130258, 0.27577711])
        #expect(descriptor.preprocessing.resizeMode == .shortestSideThenCenterCrop)
        #expect(descriptor.interpolation == "bicubic")
        #expect(descriptor.paddingToken == "<|endoftext|>")
        #expect(descriptor.textCleaning == .openCLIP)
        #expect(descriptor.imageEncoderURL.path.hasSuffix("ViT-B-32__openai/visual/model.onnx"))
        #expect(descriptor.textEncoderURL.path.hasSuffix("ViT-B-32__openai/textual/model.onnx"))
        #expect(descriptor.tokenizerURL.path.hasSuffix("ViT-B-32__openai/textual/tokenizer.json"))
    }

    @Test func readsASigLIPStyleFolder() throws {
        let folder = try ModelFixtures.write(ModelFixtures.openCLIPFiles(sigLIP: true), name: "siglip")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let descriptor = try ClipModelDescriptor.load(folder: folder)
        #expect(descriptor.embeddingDims == 1024)
        #expect(descriptor.contextLength == 64)
        #expect(descriptor.preprocessing.imageSize == 256)
        #expect(descriptor.preprocessing.mean == [0.5, 0.5, 0.5])
        #expect(descriptor.preprocessing.resizeMode == .squash)
        #expect(descriptor.paddingToken == "</s>")
        #expect(descriptor.textCleaning == .sigLIP)
    }

    @Test func contextLengthDefaultsTo77AndSizeFallsBackToTheModelConfig() throws {
        var files = ModelFixtures.openCLIPFiles()
        files["config.json"] = Array(#"{"embed_dim": 768, "vision_cfg": {"image_size": 336}}"#.utf8)
        files["visual/preprocess_cfg.json"] = Array(#"{"mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]}"#.utf8)
        files["textual/tokenizer_config.json"] = nil
        let folder = try ModelFixtures.write(files)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let descriptor = try ClipModelDescriptor.load(folder: folder)
        #expect(descriptor.contextLength == 77)
        #expect(descriptor.preprocessing.imageSize == 336)
        #expect(descriptor.preprocessing.resizeMode == .shortestSideThenCenterCrop)
        #expect(descriptor.paddingToken == nil)
    }

    @Test(arguments: [
        (#"{"size": [224, 256], "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]}"#, "non-square"),
        (#"{"size": 224, "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5], "resize_mode": "longest"}"#, "longest"),
        (#"{"size": 224, "mean": [0.5, 0.5], "std": [0.5, 0.5, 0.5]}"#, "three means"),
        (#"{"size": 224, "std": [0.5, 0.5, 0.5]}"#, "mean"),
    ])
    func badPreprocessConfigsAreExplained(preprocess: String, expected: String) throws {
        var files = ModelFixtures.openCLIPFiles()
        files["visual/preprocess_cfg.json"] = Array(preprocess.utf8)
        let folder = try ModelFixtures.write(files)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect {
            _ = try ClipModelDescriptor.load(folder: folder)
        } throws: { error in
            let message = (error as? ViewfinderError)?.message ?? ""
            return message.contains("preprocess_cfg.json") && message.contains(expected)
        }
    }

    @Test func aMissingEmbedDimNamesTheKey() throws {
        var files = ModelFixtures.openCLIPFiles()
        files["config.json"] = Array(#"{"vision_cfg": {"image_size": 224}}"#.utf8)
        let folder = try ModelFixtures.write(files)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect {
            _ = try ClipModelDescriptor.load(folder: folder)
        } throws: { error in
            (error as? ViewfinderError)?.message.contains("embed_dim") == true
        }
    }

    @Test func anUnknownLayoutListsWhatEachLayoutMisses() throws {
        var files = ModelFixtures.openCLIPFiles()
        files["textual/model.onnx"] = nil
        let folder = try ModelFixtures.write(files)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect {
            _ = try ClipModelDescriptor.load(folder: folder)
        } throws: { error in
            let message = (error as? ViewfinderError)?.message ?? ""
            return message.contains("OpenCLIP/Immich layout is missing textual/model.onnx")
                && message.contains("UForm layout is missing tokenizer.json, image_encoder.onnx, text_encoder.onnx")
                && !message.contains("missing textual/tokenizer.json")
        }
    }
}
