/// The file layout of a model folder, as published on the Hugging Face hub.
public enum ModelLayout: String, Sendable, Codable, CaseIterable {
    /// UForm3 ONNX repos: `config.json`, `tokenizer.json`, `image_encoder.onnx`, `text_encoder.onnx`.
    case uform
    /// OpenCLIP models as exported for Immich: `config.json` (open_clip's model config),
    /// `visual/model.onnx` + `visual/preprocess_cfg.json`, `textual/model.onnx` + `textual/tokenizer.json`.
    case openclip

    /// A name for messages.
    public var displayName: String {
        switch self {
        case .uform: "UForm"
        case .openclip: "OpenCLIP/Immich"
        }
    }

    /// The files a folder of this layout must contain, relative to the folder.
    public var requiredFiles: [String] {
        switch self {
        case .uform: ["config.json", "tokenizer.json", "image_encoder.onnx", "text_encoder.onnx"]
        case .openclip:
            ["config.json", "visual/model.onnx", "visual/preprocess_cfg.json", "textual/model.onnx", "textual/tokenizer.json"]
        }
    }

    /// The image encoder, relative to the folder.
    public var imageEncoderPath: String {
        switch self {
        case .uform: "image_encoder.onnx"
        case .openclip: "visual/model.onnx"
        }
    }

    /// The text encoder, relative to the folder.
    public var textEncoderPath: String {
        switch self {
        case .uform: "text_encoder.onnx"
        case .openclip: "textual/model.onnx"
        }
    }

    /// The tokenizer definition, relative to the folder.
    public var tokenizerPath: String {
        switch self {
        case .uform: "tokenizer.json"
        case .openclip: "textual/tokenizer.json"
        }
    }

    /// The layout whose required files all exist in `folder`, if any.
    static func detect(in folder: String, fileExists: (String) -> Bool) -> ModelLayout? {
        allCases.first { layout in layout.missingFiles(in: folder, fileExists: fileExists).isEmpty }
    }

    /// The required files of this layout that `folder` lacks.
    func missingFiles(in folder: String, fileExists: (String) -> Bool) -> [String] {
        requiredFiles.filter { !fileExists(folder + "/" + $0) }
    }

    /// What every layout would still need in `folder`, for the "unknown layout" error.
    static func describeMissing(in folder: String, fileExists: (String) -> Bool) -> String {
        allCases.map { layout in
            "\(layout.displayName) layout is missing "
                + layout.missingFiles(in: folder, fileExists: fileExists).joined(separator: ", ")
        }.joined(separator: "; ")
    }
}
