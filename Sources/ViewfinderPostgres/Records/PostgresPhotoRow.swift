import Foundation
import PostgresNIO
import ViewfinderSQL
import ViewfinderCore

/// Reads `photos` rows; the column list stays inside this module.
enum PostgresPhotoRow {
    /// The SELECT every photo query starts from.
    static let selectSQL = PhotoColumns.select

    /// The photo in `row` (a row of `selectSQL`).
    static func decode(_ row: PostgresRow) throws -> Photo {
        let cells = row.makeRandomAccess()
        let keywords = try cells["keywords"].decode(String.self)
        let metadata = PhotoMetadata(
            takenAt: try cells["taken_at"].decode(Date?.self),
            takenAtLocal: try cells["taken_at_local"].decode(Date?.self),
            takenAtSource: DateSource(rawValue: try cells["taken_src"].decode(String.self)) ?? .unknown,
            cameraMake: try cells["camera_make"].decode(String?.self),
            cameraModel: try cells["camera_model"].decode(String?.self),
            lens: try cells["lens"].decode(String?.self),
            iso: try cells["iso"].decode(Int32?.self).map(Int.init),
            fNumber: try cells["f_number"].decode(Double?.self),
            exposure: try cells["exposure"].decode(String?.self),
            focalLength: try cells["focal_length"].decode(Double?.self),
            latitude: try cells["latitude"].decode(Double?.self),
            longitude: try cells["longitude"].decode(Double?.self),
            altitude: try cells["altitude"].decode(Double?.self),
            title: try cells["title"].decode(String?.self),
            description: try cells["description"].decode(String?.self),
            keywords: keywords.split(separator: ",").map(String.init))
        return Photo(
            id: try cells["id"].decode(Int64.self),
            uid: try cells["uid"].decode(String.self),
            libraryRoot: try cells["root"].decode(String.self),
            relativePath: try cells["path"].decode(String.self),
            size: try cells["size"].decode(Int64.self),
            modifiedAt: Date(timeIntervalSince1970: try cells["mtime"].decode(Double.self)),
            contentHash: try cells["content_hash"].decode(String.self),
            width: Int(try cells["width"].decode(Int32.self)),
            height: Int(try cells["height"].decode(Int32.self)),
            status: IndexStatus(rawValue: try cells["index_status"].decode(String.self)) ?? .pending,
            errorReason: try cells["error_reason"].decode(String?.self),
            mimeType: try cells["mime_type"].decode(String?.self),
            orientation: Int(try cells["orientation"].decode(Int16.self)),
            metadata: metadata,
            favorite: try cells["favorite"].decode(Bool.self),
            archived: try cells["archived"].decode(Bool.self),
            addedAt: try cells["added_at"].decode(Date.self),
            updatedAt: try cells["updated_at"].decode(Date.self),
            attempts: Int(try cells["attempts"].decode(Int32.self)))
    }
}
