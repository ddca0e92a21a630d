/// What `viewfinder doctor` found: versions, paths, models and one check per essential part.
public struct DoctorReport: Sendable, Codable, Equatable {
    /// One finding.
    public struct Check: Sendable, Codable, Equatable {
        /// What was checked, e.g. `onnxruntime`.
        public let name: String
        /// Whether it works.
        public let ok: Bool
        /// Whether Viewfinder cannot index or search without it (a failed essential check fails `doctor`).
        public let essential: Bool
        /// What was found.
        public let detail: String
        /// What to do about a failure, if anything.
        public let hint: String?
    }

    /// The ONNX Runtime library.
    public struct OnnxRuntimeInfo: Sendable, Codable, Equatable {
        /// Its release, e.g. "1.22.0", when it loaded.
        public let version: String?
        /// The file it was loaded from.
        public let libraryPath: String?
        /// The C API version Viewfinder asks for.
        public let apiVersion: UInt32
        /// Execution providers compiled into the library.
        public let providers: [String]
        /// Why it did not load.
        public let error: String?
    }

    /// The libvips library.
    public struct LibvipsInfo: Sendable, Codable, Equatable {
        /// Its release, e.g. "8.14.1".
        public let version: String?
        /// Why it could not be initialised.
        public let error: String?
    }

    /// A model's state in the store.
    public struct ModelInfo: Sendable, Codable, Equatable {
        /// The model name.
        public let name: String
        /// Whether a complete folder is installed.
        public let installed: Bool
        /// Whether `models download` knows it.
        public let inCatalogue: Bool
        /// Its folder.
        public let path: String
        /// Its layout, when installed.
        public let layout: String?
        /// Its embedding dimension, when installed.
        public let dims: Int?
        /// The dimension embeddings are stored at (after matryoshka truncation), when installed.
        public let storedDims: Int?
        /// Why it cannot be used, if it cannot.
        public let problem: String?
    }

    /// The ONNX Runtime library.
    public let onnxRuntime: OnnxRuntimeInfo
    /// The libvips library.
    public let libvips: LibvipsInfo
    /// The storage folder.
    public let storagePath: String
    /// The models path.
    public let modelsPath: String
    /// The catalog database URL.
    public let database: String
    /// The model hub `models download` uses.
    public let hubURL: String
    /// Whether a hub token is configured (the token itself is never shown).
    public let hubTokenConfigured: Bool
    /// The configured model (what `index` and `search` use without `--model`).
    public let model: ModelInfo
    /// The catalogue's default model.
    public let defaultModel: ModelInfo
    /// Every check, essential ones first.
    public let checks: [Check]

    /// Whether every essential check passed.
    public var healthy: Bool {
        checks.allSatisfy { $0.ok || !$0.essential }
    }
}
