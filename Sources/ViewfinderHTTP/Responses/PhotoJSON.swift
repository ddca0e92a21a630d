import HTTPTypes
import Foundation
import ViewfinderCore

/// A photo as the API returns it: uid, thumbnail and download links, metadata and (in searches) its score.
struct PhotoJSON: Codable, Sendable {
    /// Links to the photo's thumbnails by size name.
    struct Thumbs: Codable, Sendable {
        let fit_256: String
        let fit_720: String
        let fit_1920: String
    }

    let uid: String
    let path: String
    let fileName: String
    let hash: String
    let mime: String?
    let size: Int64
    let width: Int
    let height: Int
    let favorite: Bool
    let archived: Bool
    let status: String
    let title: String?
    let description: String?
    let keywords: [String]
    let takenAt: Date?
    let takenAtSource: String
    let cameraMake: String?
    let cameraModel: String?
    let lens: String?
    let iso: Int?
    let fNumber: Double?
    let exposure: String?
    let focalLength: Double?
    let lat: Double?
    let lng: Double?
    let altitude: Double?
    let addedAt: Date
    let updatedAt: Date
    let thumbs: Thumbs
    let download: String
    let score: Float?

    init(_ photo: Photo, score: Float? = nil) {
        uid = photo.uid
        path = photo.relativePath
        fileName = photo.relativePath.split(separator: "/").last.map(String.init) ?? photo.relativePath
        hash = photo.contentHash
        mime = photo.mimeType
        size = photo.size
        width = photo.width
        height = photo.height
        favorite = photo.favorite
        archived = photo.archived
        status = photo.status.rawValue
        let metadata = photo.metadata
        title = metadata.title
        description = metadata.description
        keywords = metadata.keywords
        takenAt = metadata.takenAt
        takenAtSource = metadata.takenAtSource.rawValue
        cameraMake = metadata.cameraMake
        cameraModel = metadata.cameraModel
        lens = metadata.lens
        iso = metadata.iso
        fNumber = metadata.fNumber
        exposure = metadata.exposure
        focalLength = metadata.focalLength
        lat = metadata.latitude
        lng = metadata.longitude
        altitude = metadata.altitude
        addedAt = photo.addedAt
        updatedAt = photo.updatedAt
        let base = "/api/v1/t/\(photo.contentHash)/"
        thumbs = Thumbs(fit_256: base + "fit_256", fit_720: base + "fit_720", fit_1920: base + "fit_1920")
        download = "/api/v1/photos/\(photo.uid)/dl"
        self.score = score
    }
}
