import Foundation
import GRDB
import ViewfinderCore

/// A row of `photos` joined with its library root; column names stay inside this module.
struct PhotoRow: FetchableRecord {
    let photo: Photo

    init(row: Row) throws {
        let keywords: String = row["keywords"] ?? ""
        let metadata = PhotoMetadata(
            takenAt: (row["taken_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            takenAtLocal: (row["taken_at_local"] as Double?).map(Date.init(timeIntervalSince1970:)),
            takenAtSource: DateSource(rawValue: row["taken_src"] ?? "") ?? .unknown,
            cameraMake: row["camera_make"], cameraModel: row["camera_model"], lens: row["lens"], iso: row["iso"],
            fNumber: row["f_number"], exposure: row["exposure"], focalLength: row["focal_length"],
            latitude: row["latitude"], longitude: row["longitude"], altitude: row["altitude"],
            title: row["title"], description: row["description"],
            keywords: keywords.split(separator: ",").map(String.init))
        photo = Photo(
            id: row["id"],
            uid: row["uid"],
            libraryRoot: row["root"],
            relativePath: row["path"],
            size: row["size"],
            modifiedAt: Date(timeIntervalSince1970: row["mtime"]),
            contentHash: row["content_hash"],
            width: row["width"],
            height: row["height"],
            status: IndexStatus(rawValue: row["index_status"]) ?? .pending,
            errorReason: row["error_reason"],
            mimeType: row["mime_type"],
            orientation: row["orientation"],
            metadata: metadata,
            favorite: row["favorite"],
            archived: row["archived"],
            addedAt: Date(timeIntervalSince1970: row["added_at"]),
            updatedAt: Date(timeIntervalSince1970: row["updated_at"]),
            attempts: row["attempts"]
        )
    }

    /// The SELECT that every photo query starts from.
    static let selectSQL = """
        SELECT photos.*, libraries.root FROM photos JOIN libraries ON libraries.id = photos.library_id
        """
}
