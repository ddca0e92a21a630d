import Tokenizers
import ViewfinderCore

extension ModelCatalogue {
    // Sources (see docs/models.md): the Hugging Face model cards of unum-cloud/uform3-image-text-*
    // (dims, context length, image size, licence), their file listings (names, sizes), commit 90369d4
    // of the English-small repo (CLIP normalisation in config.json) and unum-cloud/uform's
    // python/uform (file roles, `input_ids`/`attention_mask` int32 inputs, `padding_idx` padding).
    private static let clipMean: [Float] = [0.48145466, 0.4578275, 0.40821073]
    private static let clipStd: [Float] = [0.26862954, 0.26130258, 0.27577711]

    private static func uformFiles(image: Int64, text: Int64, tokenizer: Int64?, config: Int64?) -> [CatalogueFile] {
        [
            CatalogueFile("config.json", approximateBytes: config),
            CatalogueFile("tokenizer.json", approximateBytes: tokenizer),
            CatalogueFile("image_encoder.onnx", approximateBytes: image),
            CatalogueFile("text_encoder.onnx", approximateBytes: text),
        ]
    }

    // No UForm3 similarity scale is published; see docs/search.md "Default thresholds".
    private static let uformThresholdCaveat =
        "similarity threshold (LAION-5B's multilingual cut 0.26, borrowed: UForm3's scale not measured)"

    /// The four UForm3 image-text encoders, in the UForm layout.
    static let uform3Entries: [CatalogueEntry] = [
        CatalogueEntry(
            name: "uform3-image-text-multilingual-base",
            summary: "UForm3 multilingual (21 languages), 12-layer BERT + ViT-B/16, 256-d",
            repository: "unum-cloud/uform3-image-text-multilingual-base",
            files: uformFiles(image: 87_300_000, text: 111_000_000, tokenizer: nil, config: 962),
            layout: .uform, tokenizer: .unigram, imageSize: 224, mean: clipMean, std: clipStd,
            resizeMode: .shortestSideThenCenterCrop, embeddingDims: 256, contextLength: 50, textCleaning: .none,
            licence: "apache-2.0",
            languages: [
                "ar", "hy", "zh", "en", "fr", "de", "he", "hi", "id", "it", "ja", "ko", "fa", "pl", "pt", "ru", "es",
                "th", "tr", "uk", "vi",
            ],
            defaultSimilarityThreshold: 0.26,
            unverified: [
                uformThresholdCaveat,
                "mean/std (read from config.json at load time; CLIP values confirmed only for english-small)",
                "language list (the card says 21 languages; the list is uform-vl-multilingual-v2's evaluation table)",
                "matryoshka dims (the card says 'up to 256')",
            ]),
        CatalogueEntry(
            name: "uform3-image-text-english-small",
            summary: "UForm3 English, 4-layer BERT + ViT-S/16, 256-d",
            repository: "unum-cloud/uform3-image-text-english-small",
            files: uformFiles(image: 22_600_000, text: 38_000_000, tokenizer: 710_000, config: 923),
            layout: .uform, tokenizer: .wordPiece, imageSize: 224, mean: clipMean, std: clipStd,
            resizeMode: .shortestSideThenCenterCrop, embeddingDims: 256, contextLength: 64, textCleaning: .none,
            licence: "apache-2.0", languages: ["en"], defaultSimilarityThreshold: 0.26,
            unverified: [uformThresholdCaveat, "matryoshka dims (the card says 'up to 256')"]),
        CatalogueEntry(
            name: "uform3-image-text-english-base",
            summary: "UForm3 English, 4-layer BERT + ViT-B/16, 256-d",
            repository: "unum-cloud/uform3-image-text-english-base",
            files: uformFiles(image: 87_300_000, text: 38_000_000, tokenizer: nil, config: 924),
            layout: .uform, tokenizer: .wordPiece, imageSize: 224, mean: clipMean, std: clipStd,
            resizeMode: .shortestSideThenCenterCrop, embeddingDims: 256, contextLength: 64, textCleaning: .none,
            licence: "apache-2.0", languages: ["en"], defaultSimilarityThreshold: 0.26,
            unverified: [
                uformThresholdCaveat,
                "mean/std (read from config.json at load time; CLIP values confirmed only for english-small)",
                "matryoshka dims (the card says 'up to 256')",
            ]),
        CatalogueEntry(
            name: "uform3-image-text-english-large",
            summary: "UForm3 English, 12-layer BERT + ViT-L/14, 768-d (matryoshka 64/256/512/768)",
            repository: "unum-cloud/uform3-image-text-english-large",
            files: uformFiles(image: 307_000_000, text: 35_300_000, tokenizer: nil, config: nil),
            layout: .uform, tokenizer: .wordPiece, imageSize: 224, mean: clipMean, std: clipStd,
            resizeMode: .shortestSideThenCenterCrop, embeddingDims: 768, matryoshkaDims: [64, 256, 512, 768],
            contextLength: 64, textCleaning: .none, licence: "apache-2.0", languages: ["en"],
            defaultSimilarityThreshold: 0.26,
            unverified: [
                uformThresholdCaveat,
                "mean/std (read from config.json at load time; CLIP values confirmed only for english-small)",
                "embedding dim 768 (from the card's 'up to 768'; config.json not seen)",
            ]),
    ]
}
