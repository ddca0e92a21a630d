import Tokenizers
import ViewfinderCore

extension ModelCatalogue {
    // Sources (see docs/models.md): immich-app/immich machine-learning code (repository names
    // `immich-app/<model>`, files `visual/model.onnx`, `textual/model.onnx`, `config.json`,
    // `visual/preprocess_cfg.json`, `textual/tokenizer.json`, `textual/tokenizer_config.json`; inputs
    // `image` float32 and `text` int32, output `embedding`, already L2-normalised), the Hugging Face file
    // listings of those repositories (sizes) and open_clip's model_configs (embed_dim, image_size,
    // context_length). Immich's `config.json` is open_clip's model config, its preprocess_cfg.json is
    // open_clip's preprocess config.
    private static let clipMean: [Float] = [0.48145466, 0.4578275, 0.40821073]
    private static let clipStd: [Float] = [0.26862954, 0.26130258, 0.27577711]
    private static let sigLIPMean: [Float] = [0.5, 0.5, 0.5]
    private static let sigLIPStd: [Float] = [0.5, 0.5, 0.5]

    private static func immichFiles(
        config: Int64?, visual: Int64?, textual: Int64?, tokenizer: Int64?, tokenizerConfig: Int64?
    ) -> [CatalogueFile] {
        [
            CatalogueFile("config.json", approximateBytes: config),
            CatalogueFile("visual/preprocess_cfg.json", approximateBytes: 200),
            CatalogueFile("visual/model.onnx", approximateBytes: visual),
            CatalogueFile("textual/tokenizer.json", approximateBytes: tokenizer),
            CatalogueFile("textual/tokenizer_config.json", approximateBytes: tokenizerConfig),
            CatalogueFile("textual/model.onnx", approximateBytes: textual),
        ]
    }

    /// OpenCLIP ViT-B/32 and ViT-L/14 (OpenAI weights) and SigLIP B/16 and L/16, as exported for Immich.
    static let immichEntries: [CatalogueEntry] = [
        CatalogueEntry(
            name: "ViT-B-32__openai",
            summary: "OpenAI CLIP ViT-B/32 (Immich export), 512-d, English",
            repository: "immich-app/ViT-B-32__openai",
            files: immichFiles(config: 196, visual: 351_000_000, textual: 254_000_000, tokenizer: 2_220_000, tokenizerConfig: 704),
            layout: .openclip, tokenizer: .byteLevelBPE, imageSize: 224, mean: clipMean, std: clipStd,
            resizeMode: .shortestSideThenCenterCrop, embeddingDims: 512, contextLength: 77, textCleaning: .openCLIP,
            licence: "MIT (OpenAI CLIP)", languages: ["en"], defaultSimilarityThreshold: 0.28,
            unverified: ["licence of the Immich repository (upstream OpenAI CLIP is MIT)"]),
        CatalogueEntry(
            name: "ViT-L-14__openai",
            summary: "OpenAI CLIP ViT-L/14 (Immich export), 768-d, English",
            repository: "immich-app/ViT-L-14__openai",
            files: immichFiles(config: nil, visual: nil, textual: 495_000_000, tokenizer: 2_220_000, tokenizerConfig: 704),
            layout: .openclip, tokenizer: .byteLevelBPE, imageSize: 224, mean: clipMean, std: clipStd,
            resizeMode: .shortestSideThenCenterCrop, embeddingDims: 768, contextLength: 77, textCleaning: .openCLIP,
            licence: "MIT (OpenAI CLIP)", languages: ["en"], defaultSimilarityThreshold: 0.28,
            unverified: [
                "licence of the Immich repository (upstream OpenAI CLIP is MIT)",
                "visual/model.onnx size (not in the stored listing)",
                "similarity threshold (ViT-B/32's LAION-5B cut carried over; L/14's scale not measured)",
                "mean/std (open_clip uses the OpenAI values for 'openai' weights; this preprocess_cfg.json not seen)",
            ]),
        CatalogueEntry(
            name: "ViT-B-16-SigLIP__webli",
            summary: "SigLIP ViT-B/16 224 px (Immich export), 768-d, English",
            repository: "immich-app/ViT-B-16-SigLIP__webli",
            files: immichFiles(config: 506, visual: nil, textual: 441_000_000, tokenizer: 2_420_000, tokenizerConfig: 20_600),
            layout: .openclip, tokenizer: .unigram, imageSize: 224, mean: sigLIPMean, std: sigLIPStd,
            resizeMode: .squash, embeddingDims: 768, contextLength: 64, textCleaning: .sigLIP,
            licence: "apache-2.0 (big_vision SigLIP)", languages: ["en"], defaultSimilarityThreshold: 0.1,
            unverified: [
                "similarity threshold (sigmoid decision point -bias/scale from SO400M's published scale, not B/16's)",
                "repository page (name from Immich's supported-model list; sizes from its -256/-384 siblings)",
                "mean/std/squash (confirmed for ViT-L-16-SigLIP-256's preprocess_cfg.json)",
                "licence of the Immich repository",
            ]),
        CatalogueEntry(
            name: "ViT-L-16-SigLIP-256__webli",
            summary: "SigLIP ViT-L/16 256 px (Immich export), 1024-d, English",
            repository: "immich-app/ViT-L-16-SigLIP-256__webli",
            files: immichFiles(config: nil, visual: nil, textual: nil, tokenizer: 2_420_000, tokenizerConfig: 20_600),
            layout: .openclip, tokenizer: .unigram, imageSize: 256, mean: sigLIPMean, std: sigLIPStd,
            resizeMode: .squash, embeddingDims: 1024, contextLength: 64, textCleaning: .sigLIP,
            licence: "apache-2.0 (big_vision SigLIP)", languages: ["en"], defaultSimilarityThreshold: 0.1,
            unverified: [
                "model file sizes (not in the stored listing)", "licence of the Immich repository",
                "similarity threshold (sigmoid decision point -bias/scale from SO400M's published scale, not L/16's)",
            ]),
    ]
}
