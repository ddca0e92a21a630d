/// The photo columns every backend reads, in one order.
public enum PhotoColumns {
    /// The SELECT every photo query starts from: each photo column, with its library's root after `uid`.
    public static let select = """
        SELECT photos.id, photos.uid, libraries.root, photos.path, photos.content_hash, photos.size, photos.mtime,
            photos.mime_type, photos.width, photos.height, photos.orientation, photos.taken_at, photos.taken_at_local,
            photos.taken_src, photos.camera_make, photos.camera_model, photos.lens, photos.iso, photos.f_number,
            photos.exposure, photos.focal_length, photos.latitude, photos.longitude, photos.altitude, photos.title,
            photos.description, photos.keywords, photos.favorite, photos.archived, photos.added_at, photos.updated_at,
            photos.index_status, photos.error_reason, photos.attempts
        FROM photos JOIN libraries ON libraries.id = photos.library_id
        """
}
