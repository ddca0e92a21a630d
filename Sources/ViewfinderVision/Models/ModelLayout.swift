/// The file layout of a model folder, as published on the Hugging Face hub.
public enum ModelLayout: String, Sendable, Codable, CaseIterable {
    /// UForm3 ONNX repos: `config.json`, `tokenizer.json`, `image_encoder.onnx`, `text_encoder.onnx`.
    case uform

    /// The files a folder of this layout must contain, relative to the folder.
    public var requiredFiles: [String] {
        switch self {
        case .uform: ["config.json", "tokenizer.json", "image_encoder.onnx", "text_encoder.onnx"]
        }
    }

    /// The layout whose required files all exist in `folder`, if any.
    static func detect(in folder: String, fileExists: (String) -> Bool) -> ModelLayout? {
        allCases.first { layout in layout.requiredFiles.allSatisfy { fileExists(folder + "/" + $0) } }
    }
}
