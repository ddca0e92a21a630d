import Foundation
import MariaDBClient
import ViewfinderSQL
import ViewfinderCore

/// Reads `photos` rows by position; the column list stays inside this module.
enum MariaDBPhotoRow {
    /// The columns of `selectSQL`, in order.
    private enum Column: Int {
        case id, uid, root, path, contentHash, size, mtime, mimeType, width, height, orientation, takenAt, takenAtLocal,
            takenSource, cameraMake, cameraModel, lens, iso, fNumber, exposure, focalLength, latitude, longitude,
            altitude, title, description, keywords, favorite, archived, addedAt, updatedAt, status, errorReason, attempts
    }

    /// The SELECT every photo query starts from.
    static let selectSQL = PhotoColumns.select

    /// The photo in `row` (a row of `selectSQL`).
    static func decode(_ row: MariaDBRow) throws -> Photo {
        func string(_ column: Column) throws -> String? { try row.string(column.rawValue) }
        func required(_ column: Column) throws -> String {
            guard let value = try row.string(column.rawValue) else { throw unexpectedNull(column) }
            return value
        }
        func int(_ column: Column) throws -> Int64? { try row.int64(column.rawValue) }
        func double(_ column: Column) throws -> Double? { try row.double(column.rawValue) }
        func date(_ column: Column) throws -> Date? {
            guard let text = try string(column) else { return nil }
            guard let date = MariaDBDateTime.parse(text) else { throw unexpectedNull(column) }
            return date
        }
        let metadata = PhotoMetadata(
            takenAt: try date(.takenAt), takenAtLocal: try date(.takenAtLocal),
            takenAtSource: DateSource(rawValue: try required(.takenSource)) ?? .unknown,
            cameraMake: try string(.cameraMake), cameraModel: try string(.cameraModel), lens: try string(.lens),
            iso: try int(.iso).map(Int.init), fNumber: try double(.fNumber), exposure: try string(.exposure),
            focalLength: try double(.focalLength), latitude: try double(.latitude), longitude: try double(.longitude),
            altitude: try double(.altitude), title: try string(.title), description: try string(.description),
            keywords: try required(.keywords).split(separator: ",").map(String.init))
        guard let id = try int(.id), let size = try int(.size), let mtime = try double(.mtime),
            let addedAt = try date(.addedAt), let updatedAt = try date(.updatedAt)
        else { throw unexpectedNull(.id) }
        return Photo(
            id: id, uid: try required(.uid), libraryRoot: try required(.root), relativePath: try required(.path),
            size: size, modifiedAt: Date(timeIntervalSince1970: mtime), contentHash: try required(.contentHash),
            width: Int(try int(.width) ?? 0), height: Int(try int(.height) ?? 0),
            status: IndexStatus(rawValue: try required(.status)) ?? .pending, errorReason: try string(.errorReason),
            mimeType: try string(.mimeType), orientation: Int(try int(.orientation) ?? 1), metadata: metadata,
            favorite: try int(.favorite) == 1, archived: try int(.archived) == 1, addedAt: addedAt,
            updatedAt: updatedAt, attempts: Int(try int(.attempts) ?? 0))
    }

    private static func unexpectedNull(_ column: Column) -> MariaDBError {
        MariaDBError(code: 0, sqlState: "HY000", message: "unexpected value in photo column \(column)")
    }
}
