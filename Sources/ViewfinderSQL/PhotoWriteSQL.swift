public import struct Foundation.Date
public import ViewfinderCore

/// The statements that write photo rows, shared by every SQL backend; each runs them with its own driver.
public struct PhotoWriteSQL: Sendable {
    /// The dialect the statements are written in.
    public let dialect: any SQLDialect

    /// Creates the statements for `dialect`.
    public init(_ dialect: some SQLDialect) { self.dialect = dialect }

    /// Adds the library `root` unless it exists.
    public func insertLibrary(root: String, now: Date) -> SQLFragment {
        dialect.insertIgnoringDuplicates(
            into: "libraries", columns: ["root", "added_at"], values: [.text(root), dialect.date(now)], key: ["root"])
    }

    /// Selects the id of the library `root` (one column).
    public func libraryID(root: String) -> SQLFragment {
        "SELECT id FROM libraries WHERE root = \(root)"
    }

    /// Inserts `write`'s row in library `libraryID`, or updates the row of the same path (a failure counts an
    /// attempt); with ``SQLDialect/returnsWrittenRows`` it returns the row's id, else select it with ``photoID``.
    public func upsert(_ write: PhotoWrite, libraryID: Int64, now: Date) -> SQLFragment {
        let values: [(String, SQLValue)] = [
            ("uid", .text(PhotoUID.make())), ("library_id", .integer(libraryID)), ("path", .text(write.file.relativePath)),
            ("content_hash", .text(write.contentHash)), ("size", .integer(write.file.size)),
            ("mtime", .double(write.file.modifiedAt.timeIntervalSince1970)), ("width", .integer(write.width)),
            ("height", .integer(write.height)), ("index_status", .text(write.status.rawValue)),
            ("error_reason", .text(write.reason)), ("attempts", .integer(write.status == .failed ? 1 : 0)),
            ("added_at", dialect.date(now)), ("updated_at", dialect.date(now)), ("mime_type", .text(write.mimeType)),
            ("orientation", .integer(write.orientation)), ("keywords", .text("")),
        ]
        let replaced = ["content_hash", "size", "mtime", "width", "height", "index_status", "error_reason", "updated_at"]
        let assignments = replaced.map { "\($0) = \(dialect.proposed($0))" } + [
            "attempts = \(dialect.existing("attempts", of: "photos")) + \(dialect.proposed("attempts"))",
            "mime_type = coalesce(\(dialect.proposed("mime_type")), \(dialect.existing("mime_type", of: "photos")))",
            "orientation = \(dialect.proposed("orientation"))",
        ]
        let insert = "INSERT INTO photos (\(sql: values.map(\.0).joined(separator: ", "))) VALUES ("
            + SQLFragment.joined(values.map { "\($0.1)" }, separator: ", ") + ")"
        let returning = dialect.returnsWrittenRows ? " RETURNING id" : ""
        return insert
            + SQLFragment(sql: " \(dialect.upsertClause(key: ["library_id", "path"])) \(assignments.joined(separator: ", "))\(returning)")
    }

    /// Selects the id of the photo at `path` in library `libraryID` (one column).
    public func photoID(libraryID: Int64, path: String) -> SQLFragment {
        "SELECT id FROM photos WHERE library_id = \(libraryID) AND path = \(path)"
    }

    /// Replaces the metadata columns of photo `photoID`.
    public func setMetadata(_ metadata: PhotoMetadata, photoID: Int64, now: Date) -> SQLFragment {
        let values: [(String, SQLValue)] = [
            ("taken_at", metadata.takenAt.map(dialect.date) ?? .null),
            ("taken_at_local", metadata.takenAtLocal.map(dialect.date) ?? .null),
            ("taken_src", .text(metadata.takenAtSource.rawValue)), ("camera_make", .text(metadata.cameraMake)),
            ("camera_model", .text(metadata.cameraModel)), ("lens", .text(metadata.lens)), ("iso", .integer(metadata.iso)),
            ("f_number", .double(metadata.fNumber)), ("exposure", .text(metadata.exposure)),
            ("focal_length", .double(metadata.focalLength)), ("latitude", .double(metadata.latitude)),
            ("longitude", .double(metadata.longitude)), ("altitude", .double(metadata.altitude)),
            ("title", .text(metadata.title)), ("description", .text(metadata.description)),
            ("keywords", .text(metadata.keywords.joined(separator: ","))), ("updated_at", dialect.date(now)),
        ]
        let assignments = SQLFragment.joined(values.map { "\(sql: $0.0) = \($0.1)" }, separator: ", ")
        return "UPDATE photos SET \(assignments) WHERE id = \(photoID)"
    }
}
