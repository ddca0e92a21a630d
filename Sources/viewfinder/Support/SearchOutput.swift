import Foundation
import ViewfinderCore
import ViewfinderServices

/// Search results as printed by `search --json`.
struct SearchOutput: Codable, Sendable {
    /// One ranked photo.
    struct Item: Codable, Sendable {
        let rank: Int
        let score: Float
        let similarity: Float?
        let path: String
        let uid: String
        let width: Int
        let height: Int
        let takenAt: String?
        let camera: String?
    }

    /// The model searched with.
    let model: String
    /// The text as given.
    let query: String
    /// Whether results were ranked by similarity.
    let semantic: Bool
    /// The threshold applied, if any.
    let minScore: Double?
    /// Sentences explaining the page (nothing matched well enough, partial coverage).
    let notices: [String]
    /// The ranked photos.
    let results: [Item]

    /// The output for one result page.
    init(model: String, query: String, page: SearchPage) {
        self.model = model
        self.query = query
        semantic = page.semantic
        minScore = page.minScore
        notices = page.notices
        results = page.results.enumerated().map { index, result in
            let photo = result.photo
            let camera = [photo.metadata.cameraMake, photo.metadata.cameraModel].compactMap { $0 }.joined(separator: " ")
            return Item(
                rank: page.offset + index + 1, score: result.score, similarity: result.similarity, path: photo.absolutePath,
                uid: photo.uid, width: photo.width, height: photo.height,
                takenAt: photo.metadata.takenAt.map { String(InspectionReport.utc($0).prefix(19)) + "Z" },
                camera: camera.isEmpty ? nil : camera)
        }
    }
}
