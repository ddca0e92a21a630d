import Foundation
import GRDB
import ViewfinderCore

/// A row of `photos` joined with its library root; column names stay inside this module.
struct PhotoRow: FetchableRecord {
    let photo: Photo

    init(row: Row) throws {
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
            errorReason: row["error_reason"]
        )
    }

    /// The SELECT that every photo query starts from.
    static let selectSQL = """
        SELECT photos.*, libraries.root FROM photos JOIN libraries ON libraries.id = photos.library_id
        """
}
