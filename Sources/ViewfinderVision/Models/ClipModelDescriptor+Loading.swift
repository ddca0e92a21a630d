public import Foundation
public import ViewfinderCore

extension ClipModelDescriptor {
    /// Reads and validates the model in `folder`; `id` defaults to the folder name.
    public static func load(folder: URL, id: ModelID? = nil) throws(ViewfinderError) -> ClipModelDescriptor {
        let modelID = id ?? ModelID(folder.lastPathComponent)
        let fm = FileManager.default
        guard let layout = ModelLayout.detect(in: folder.path, fileExists: fm.fileExists(atPath:)) else {
            let missing = ModelLayout.uform.requiredFiles.filter { !fm.fileExists(atPath: folder.appendingPathComponent($0).path) }
            throw ViewfinderError(
                .invalidInput,
                "\(folder.path) is not a model folder in a known layout: missing \(missing.joined(separator: ", "))")
        }
        switch layout {
        case .uform:
            return try loadUForm(folder: folder, id: modelID)
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
        let config: UFormConfig
        do {
            config = try JSONDecoder().decode(UFormConfig.self, from: Data(contentsOf: configURL))
        } catch {
            throw ViewfinderError(
                .invalidInput, "\(configURL.path) is not a valid UForm config: \(Self.describe(error))", underlying: error)
        }
        let image = config.image_encoder
        guard image.normalization_means.count == 3, image.normalization_deviations.count == 3,
            image.normalization_deviations.allSatisfy({ $0 > 0 }), image.image_size > 0
        else {
            throw ViewfinderError(.invalidInput, "\(configURL.path): image_encoder needs image_size and three means and deviations")
        }
        guard config.text_encoder.embedding_dim == image.embedding_dim, image.embedding_dim > 0 else {
            throw ViewfinderError(.invalidInput, "\(configURL.path): text and image embedding_dim differ")
        }
        guard config.text_encoder.max_position_embeddings > 2 else {
            throw ViewfinderError(.invalidInput, "\(configURL.path): max_position_embeddings is too small")
        }
        return ClipModelDescriptor(
            id: id, folder: folder, layout: .uform,
            preprocessing: PreprocessSpec(
                imageSize: image.image_size, mean: image.normalization_means, std: image.normalization_deviations),
            contextLength: config.text_encoder.max_position_embeddings,
            paddingID: config.text_encoder.padding_idx ?? 0,
            embeddingDims: image.embedding_dim)
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
