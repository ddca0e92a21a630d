import Tokenizers
import Foundation
import ViewfinderCore
import ViewfinderTestSupport
import ViewfinderVision

/// Model folders written by tests: copies of the tiny UForm model and OpenCLIP/Immich-layout folders.
enum ModelFixtures {
    /// The tiny model's files, by relative path.
    static func tinyModelFiles() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in ModelLayout.uform.requiredFiles {
            files[name] = Array(try Data(contentsOf: TestPaths.tinyModel.appendingPathComponent(name)))
        }
        return files
    }

    /// A catalogue entry for the tiny model published at `repository` on a test hub.
    static func tinyEntry(name: ModelID = "tiny-hub", repository: String = "test-org/tiny-model") -> CatalogueEntry {
        CatalogueEntry(
            name: name, summary: "test", repository: repository,
            files: ModelLayout.uform.requiredFiles.map { CatalogueFile($0) }, layout: .uform, tokenizer: .wordPiece,
            imageSize: 224, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], resizeMode: .shortestSideThenCenterCrop,
            embeddingDims: 64, contextLength: 32, textCleaning: .none, licence: "apache-2.0", languages: ["en"])
    }

    /// The JSON files of an OpenCLIP/Immich folder modelled on ViT-B-32__openai (or SigLIP with `sigLIP`).
    static func openCLIPFiles(sigLIP: Bool = false) -> [String: [UInt8]] {
        let config =
            sigLIP
            ? #"{"embed_dim": 1024, "vision_cfg": {"image_size": 256}, "text_cfg": {"context_length": 64, "hf_tokenizer_name": "timm/ViT-B-16-SigLIP", "tokenizer_kwargs": {"clean": "canonicalize"}}}"#
            : #"{"embed_dim": 512, "vision_cfg": {"image_size": 224, "layers": 12, "width": 768, "patch_size": 32}, "text_cfg": {"context_length": 77, "vocab_size": 49408, "width": 512, "heads": 8, "layers": 12}}"#
        let preprocess =
            sigLIP
            ? #"{"size": [256, 256], "mode": "RGB", "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5], "interpolation": "bicubic", "resize_mode": "squash", "fill_color": 0}"#
            : #"{"size": [224, 224], "mode": "RGB", "mean": [0.48145466, 0.4578275, 0.40821073], "std": [0.26862954, 0.26130258, 0.27577711], "interpolation": "bicubic", "resize_mode": "shortest", "fill_color": 0}"#
        let tokenizerConfig =
            sigLIP
            ? #"{"pad_token": {"content": "</s>", "lstrip": false}, "model_max_length": 64}"#
            : #"{"pad_token": "<|endoftext|>", "model_max_length": 77}"#
        return [
            "config.json": Array(config.utf8),
            "visual/preprocess_cfg.json": Array(preprocess.utf8),
            "visual/model.onnx": Array(repeating: 7, count: 4096),
            "textual/model.onnx": Array(repeating: 9, count: 8192),
            "textual/tokenizer.json": Array(#"{"version": "1.0", "model": {"type": "BPE"}}"#.utf8),
            "textual/tokenizer_config.json": Array(tokenizerConfig.utf8),
        ]
    }

    /// Writes `files` into a new temporary folder named `name` and returns it.
    static func write(_ files: [String: [UInt8]], name: String = "model") throws -> URL {
        let parent = try TestPaths.makeTemporaryDirectory()
        let folder = parent.appendingPathComponent(name)
        for (path, bytes) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return folder
    }
}
