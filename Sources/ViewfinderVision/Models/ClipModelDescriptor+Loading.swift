import Tokenizers
public import Foundation
public import ViewfinderCore

extension ClipModelDescriptor {
    /// Reads and validates the model in `folder`; `id` defaults to the folder name.
    public static func load(folder: URL, id: ModelID? = nil) throws(ViewfinderError) -> ClipModelDescriptor {
        let modelID = id ?? ModelID(folder.lastPathComponent)
        let fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
        guard let layout = ModelLayout.detect(in: folder.path, fileExists: fileExists) else {
            throw ViewfinderError(
                .invalidInput,
                "\(folder.path) is not a model folder in a known layout: "
                    + ModelLayout.describeMissing(in: folder.path, fileExists: fileExists))
        }
        switch layout {
        case .uform:
            return try loadUForm(folder: folder, id: modelID)
        case .openclip:
            return try loadOpenCLIP(folder: folder, id: modelID)
        }
    }

    private struct UFormConfig: Decodable {
        struct Text: Decodable {
            let max_position_embeddings: Int
            let padding_idx: Int?
            let embedding_dim: Int
        }
        struct Image: Decodable {
            let image_size: Int
            let normalization_means: [Float]
            let normalization_deviations: [Float]
            let embedding_dim: Int
        }
        let text_encoder: Text
        let image_encoder: Image
    }

    private static func loadUForm(folder: URL, id: ModelID) throws(ViewfinderError) -> ClipModelDescriptor {
        let configURL = folder.appendingPathComponent("config.json")
        let config = try decodeJSON(UFormConfig.self, at: configURL, what: "UForm config")
        let image = config.image_encoder
        let preprocessing = try validatedPreprocessing(
            size: image.image_size, mean: image.normalization_means, std: image.normalization_deviations,
            resizeMode: .shortestSideThenCenterCrop, source: configURL)
        guard config.text_encoder.embedding_dim == image.embedding_dim, image.embedding_dim > 0 else {
            throw ViewfinderError(.invalidInput, "\(configURL.path): text and image embedding_dim differ")
        }
        guard config.text_encoder.max_position_embeddings > 2 else {
            throw ViewfinderError(.invalidInput, "\(configURL.path): max_position_embeddings is too small")
        }
        return ClipModelDescriptor(
            id: id, folder: folder, layout: .uform, preprocessing: preprocessing,
            contextLength: config.text_encoder.max_position_embeddings,
            paddingID: config.text_encoder.padding_idx ?? 0,
            embeddingDims: image.embedding_dim, textCleaning: .none)
    }

    /// Checks a square size and three positive deviations, and builds the preprocessing.
    static func validatedPreprocessing(
        size: Int, mean: [Float], std: [Float], resizeMode: PreprocessSpec.ResizeMode, source: URL
    ) throws(ViewfinderError) -> PreprocessSpec {
        guard mean.count == 3, std.count == 3, std.allSatisfy({ $0 > 0 }), (1...4096).contains(size) else {
            throw ViewfinderError(
                .invalidInput, "\(source.path): needs an image size and three means and (positive) deviations")
        }
        return PreprocessSpec(imageSize: size, mean: mean, std: std, resizeMode: resizeMode)
    }

    /// Decodes a JSON file, turning failures into a message that names the file and the key.
    static func decodeJSON<T: Decodable>(_ type: T.Type, at url: URL, what: String) throws(ViewfinderError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            throw ViewfinderError(.invalidInput, "\(url.path) is not a valid \(what): \(describe(error))", underlying: error)
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            context.codingPath.map(\.stringValue).joined(separator: ".") + ": " + context.debugDescription
        default: "cannot read the file"
        }
    }
}
