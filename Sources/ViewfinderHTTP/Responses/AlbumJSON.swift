import Foundation
import ViewfinderCore

/// An album as the API returns it.
struct AlbumJSON: Codable, Sendable {
    let uid: String
    let title: String
    let description: String?
    let createdAt: Date
    let photoCount: Int

    init(_ album: Album) {
        uid = album.uid
        title = album.title
        description = album.description
        createdAt = album.createdAt
        photoCount = album.photoCount
    }
}
