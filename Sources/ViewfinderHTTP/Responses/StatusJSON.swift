import HTTPTypes
import ViewfinderCore
import ViewfinderServices

/// `GET /api/v1/status`: version, backend, capabilities, counts and model.
struct StatusJSON: Codable, Sendable {
    let version: String
    let backend: String
    let capabilities: CatalogCapabilities
    let counts: CatalogCounts
    let model: String
    let semanticSearch: Bool
    let indexing: IndexingStatus
    let authRequired: Bool
}

/// `GET /api/v1/models`: installed and active models and how much of the library each covers.
struct ModelsJSON: Codable, Sendable {
    let active: String
    let activeDims: Int?
    let semanticSearch: Bool
    let installed: [ModelsOverview.Installed]
    /// Embedded photos per `model/dims`.
    let embedded: [String: Int]
    /// Share of catalog photos embedded with the active model, 0…1.
    let coverage: Double
    let photos: Int
}

/// `GET /api/v1/duplicates`: groups of identical photos.
struct DuplicatesJSON: Codable, Sendable {
    let groups: [[PhotoJSON]]
}

/// `GET /api/v1/health`.
struct HealthJSON: Codable, Sendable {
    let status: String
}
