import Foundation
import PostgresNIO
import ViewfinderCore

/// Reads `photos` rows; the column list stays inside this module.
enum PostgresPhotoRow {
    /// The SELECT every photo query starts from.
    static let selectSQL = """
        SELECT photos.id, photos.uid, libraries.root, photos.path, photos.content_hash, photos.size, photos.mtime,
            photos.mime_type, photos.width, photos.height, photos.orientation, photos.taken_at, photos.taken_at_local,
            photos.taken_src, photos.camera_make, photos.camera_model, photos.lens, photos.iso, photos.f_number,
            photos.exposure, photos.focal_length, photos.latitude, photos.longitude, photos.altitude, photos.title,
            photos.description, photos.keywords, photos.favorite, photos.archived, photos.added_at, photos.updated_at,
            photos.index_status, photos.error_reason, photos.attempts
        FROM photos JOIN libraries ON libraries.id = photos.library_id
        """

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

    /// Appends `SET` assignments for every metadata column.
    static func appendMetadataAssignments(_ metadata: PhotoMetadata, to builder: inout SQLBuilder) {
        var parts: [String] = []
        parts.append("taken_at = \(builder.bind(metadata.takenAt))")
        parts.append("taken_at_local = \(builder.bind(metadata.takenAtLocal))")
        parts.append("taken_src = \(builder.bind(metadata.takenAtSource.rawValue))")
        parts.append("camera_make = \(builder.bind(metadata.cameraMake))")
        parts.append("camera_model = \(builder.bind(metadata.cameraModel))")
        parts.append("lens = \(builder.bind(metadata.lens))")
        parts.append("iso = \(builder.bind(metadata.iso.map { Int32(clamping: $0) }))")
        parts.append("f_number = \(builder.bind(metadata.fNumber))")
        parts.append("exposure = \(builder.bind(metadata.exposure))")
        parts.append("focal_length = \(builder.bind(metadata.focalLength))")
        parts.append("latitude = \(builder.bind(metadata.latitude))")
        parts.append("longitude = \(builder.bind(metadata.longitude))")
        parts.append("altitude = \(builder.bind(metadata.altitude))")
        parts.append("title = \(builder.bind(metadata.title))")
        parts.append("description = \(builder.bind(metadata.description))")
        parts.append("keywords = \(builder.bind(metadata.keywords.joined(separator: ",")))")
        builder.append(parts.joined(separator: ", "))
    }
}
