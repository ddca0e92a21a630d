public import ViewfinderCore

/// One file of a catalogue model, as published in its hub repository.
public struct CatalogueFile: Sendable, Equatable {
    /// The path inside the repository (and inside the installed model folder).
    public let path: String
    /// The published SHA-256, when it is pinned in the catalogue; otherwise the hub's LFS ETag is used.
    public let sha256: String?
    /// The size shown on the hub's file listing, for `models list` (approximate).
    public let approximateBytes: Int64?

    /// Describes one published file.
    public init(_ path: String, sha256: String? = nil, approximateBytes: Int64? = nil) {
        self.path = path
        self.sha256 = sha256
        self.approximateBytes = approximateBytes
    }
}

/// A model Viewfinder can download, with the facts its publisher documents (see docs/models.md).
///
/// The entry describes what to fetch and what to expect; once installed, the model's own files
/// (read by ``ClipModelDescriptor``) are the authority for preprocessing and dimensions.
public struct CatalogueEntry: Sendable, Equatable {
    /// The catalogue name, which is also the installed folder name.
    public let name: ModelID
    /// One line for listings.
    public let summary: String
    /// The hub repository, `owner/name`.
    public let repository: String
    /// The revision (branch, tag or commit) to fetch.
    public let revision: String
    /// The files to fetch, relative to the repository root.
    public let files: [CatalogueFile]
    /// The folder layout the files form.
    public let layout: ModelLayout
    /// The tokenizer kind.
    public let tokenizer: TokenizerFamily
    /// The image encoder's square input size in pixels.
    public let imageSize: Int
    /// Per-channel normalisation mean (RGB, 0...1 units).
    public let mean: [Float]
    /// Per-channel normalisation standard deviation (RGB, 0...1 units).
    public let std: [Float]
    /// How pictures are brought to the input size.
    public let resizeMode: PreprocessSpec.ResizeMode
    /// The full embedding dimension.
    public let embeddingDims: Int
    /// Prefix lengths the publisher trained for matryoshka truncation (empty: not documented).
    public let matryoshkaDims: [Int]
    /// The text encoder's token count.
    public let contextLength: Int
    /// How query text is cleaned before tokenisation.
    public let textCleaning: TextCleaning
    /// The licence of the weights, as the publisher states it.
    public let licence: String
    /// ISO 639-1 codes of the languages the text tower was trained for.
    public let languages: [String]
    /// The cosine similarity below which search omits results by default (see docs/search.md for each value).
    public let defaultSimilarityThreshold: Float?
    /// Facts above that could not be confirmed from public material.
    public let unverified: [String]

    /// Creates an entry; every fact should have a source noted in docs/models.md.
    public init(
        name: ModelID, summary: String, repository: String, revision: String = "main", files: [CatalogueFile],
        layout: ModelLayout, tokenizer: TokenizerFamily, imageSize: Int, mean: [Float], std: [Float],
        resizeMode: PreprocessSpec.ResizeMode, embeddingDims: Int, matryoshkaDims: [Int] = [], contextLength: Int,
        textCleaning: TextCleaning, licence: String, languages: [String], defaultSimilarityThreshold: Float? = nil,
        unverified: [String] = []
    ) {
        self.name = name
        self.summary = summary
        self.repository = repository
        self.revision = revision
        self.files = files
        self.layout = layout
        self.tokenizer = tokenizer
        self.imageSize = imageSize
        self.mean = mean
        self.std = std
        self.resizeMode = resizeMode
        self.embeddingDims = embeddingDims
        self.matryoshkaDims = matryoshkaDims
        self.contextLength = contextLength
        self.textCleaning = textCleaning
        self.licence = licence
        self.languages = languages
        self.defaultSimilarityThreshold = defaultSimilarityThreshold
        self.unverified = unverified
    }

    /// The sum of the listed file sizes (a lower bound when some sizes are not listed).
    public var approximateBytes: Int64 {
        files.reduce(0) { $0 + ($1.approximateBytes ?? 0) }
    }

    /// Whether every file's size is listed, so that ``approximateBytes`` is not just a lower bound.
    public var sizeIsComplete: Bool {
        files.allSatisfy { $0.approximateBytes != nil }
    }
}
