// The model folder loader on arbitrary config files: the input, split at the first 0xFF byte, becomes a UForm3
// `config.json` or an OpenCLIP `config.json` + `visual/preprocess_cfg.json` (first byte chooses) in a scratch
// folder with empty model files, and ClipModelDescriptor.load must answer with a descriptor or an error.
import Foundation
import FuzzSupport
import ViewfinderCore
import ViewfinderVision

let scratch = FileManager.default.temporaryDirectory
    .appendingPathComponent("viewfinder-fuzz-model-\(ProcessInfo.processInfo.processIdentifier)")
let uform = scratch.appendingPathComponent("uform")
let openclip = scratch.appendingPathComponent("openclip")
do {
    for file in ["config.json", "tokenizer.json", "image_encoder.onnx", "text_encoder.onnx"] {
        try FileManager.default.createDirectory(at: uform, withIntermediateDirectories: true)
        try Data().write(to: uform.appendingPathComponent(file))
    }
    for file in ["config.json", "visual/model.onnx", "visual/preprocess_cfg.json", "textual/model.onnx",
                 "textual/tokenizer.json"] {
        let url = openclip.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: url)
    }
} catch {
    fatalError("fuzz-model-config: cannot prepare \(scratch.path): \(error)")
}

runFuzzer { data, size in
    let bytes = fuzzBytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let parts = bytes.dropFirst().split(separator: 0xFF, maxSplits: 1, omittingEmptySubsequences: false)
    let folder = selector & 1 == 0 ? uform : openclip
    do {
        try Data(parts.first ?? []).write(to: folder.appendingPathComponent("config.json"))
        if folder == openclip {
            try Data(parts.dropFirst().first ?? []).write(to: folder.appendingPathComponent("visual/preprocess_cfg.json"))
        }
    } catch {
        fatalError("fuzz-model-config: cannot write a config: \(error)")
    }
    _ = try? ClipModelDescriptor.load(folder: folder)
    return 0
}
