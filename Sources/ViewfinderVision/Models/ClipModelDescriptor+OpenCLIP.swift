import Tokenizers
import Foundation
import ViewfinderCore

extension ClipModelDescriptor {
    /// `config.json`: open_clip's model config (`embed_dim`, `vision_cfg`, `text_cfg`).
    private struct OpenCLIPConfig: Decodable {
        struct Vision: Decodable {
            let image_size: OpenCLIPSize?
        }
        struct Text: Decodable {
            struct TokenizerArguments: Decodable {
                let clean: String?
            }
            let context_length: Int?
            let tokenizer_kwargs: TokenizerArguments?
        }
        let embed_dim: Int
        let vision_cfg: Vision?
        let text_cfg: Text?
    }

    /// `visual/preprocess_cfg.json`: open_clip's preprocess config.
    private struct PreprocessConfig: Decodable {
        let size: OpenCLIPSize?
        let mean: [Float]
        let std: [Float]
        let interpolation: String?
        let resize_mode: String?
    }

    /// `textual/tokenizer_config.json`: only the padding token matters here.
    private struct TokenizerConfig: Decodable {
        let pad_token: AddedTokenName?
    }

    /// Reads an OpenCLIP/Immich folder; the layout's required files are known to exist.
    static func loadOpenCLIP(folder: URL, id: ModelID) throws(ViewfinderError) -> ClipModelDescriptor {
        let configURL = folder.appendingPathComponent("config.json")
        let config = try decodeJSON(OpenCLIPConfig.self, at: configURL, what: "OpenCLIP model config")
        let preprocessURL = folder.appendingPathComponent("visual/preprocess_cfg.json")
        let preprocess = try decodeJSON(PreprocessConfig.self, at: preprocessURL, what: "OpenCLIP preprocess config")

        guard let size = preprocess.size ?? config.vision_cfg?.image_size else {
            throw ViewfinderError(
                .invalidInput, "\(preprocessURL.path) has no 'size' and \(configURL.path) no vision_cfg.image_size")
        }
        guard size.height == size.width else {
            throw ViewfinderError(
                .invalidInput, "\(preprocessURL.path): non-square inputs (\(size.height)×\(size.width)) are not supported")
        }
        let resizeMode = try Self.resizeMode(preprocess.resize_mode, source: preprocessURL)
        let preprocessing = try validatedPreprocessing(
            size: size.width, mean: preprocess.mean, std: preprocess.std, resizeMode: resizeMode, source: preprocessURL)
        guard config.embed_dim > 0 else {
            throw ViewfinderError(.invalidInput, "\(configURL.path): embed_dim must be positive")
        }
        // open_clip (and Immich) default to 77 tokens when the config does not say.
        let contextLength = config.text_cfg?.context_length ?? 77
        guard contextLength > 2 else {
            throw ViewfinderError(.invalidInput, "\(configURL.path): text_cfg.context_length is too small")
        }
        let tokenizerConfigURL = folder.appendingPathComponent("textual/tokenizer_config.json")
        var paddingToken: String?
        if FileManager.default.fileExists(atPath: tokenizerConfigURL.path) {
            paddingToken = try decodeJSON(TokenizerConfig.self, at: tokenizerConfigURL, what: "tokenizer config")
                .pad_token?.content
        }
        return ClipModelDescriptor(
            id: id, folder: folder, layout: .openclip, preprocessing: preprocessing, contextLength: contextLength,
            paddingID: 0, embeddingDims: config.embed_dim, paddingToken: paddingToken,
            textCleaning: .fromOpenCLIPConfig(clean: config.text_cfg?.tokenizer_kwargs?.clean),
            interpolation: preprocess.interpolation ?? "bicubic")
    }

    private static func resizeMode(_ name: String?, source: URL) throws(ViewfinderError) -> PreprocessSpec.ResizeMode {
        switch name ?? "shortest" {
        case "shortest": .shortestSideThenCenterCrop
        case "squash": .squash
        default:
            throw ViewfinderError(
                .invalidInput, "\(source.path): resize_mode '\(name ?? "")' is not supported (use shortest or squash)")
        }
    }
}

/// An open_clip size: one number for a square, or `[height, width]`.
private struct OpenCLIPSize: Decodable {
    let height: Int
    let width: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let side = try? container.decode(Int.self) {
            (height, width) = (side, side)
            return
        }
        let pair = try container.decode([Int].self)
        guard pair.count == 2 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a number or [height, width]")
        }
        (height, width) = (pair[0], pair[1])
    }
}

/// A tokenizer_config.json token: either a string or an object with a `content` string.
private struct AddedTokenName: Decodable {
    let content: String

    private enum CodingKeys: String, CodingKey { case content }

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            content = text
            return
        }
        content = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .content)
    }
}
