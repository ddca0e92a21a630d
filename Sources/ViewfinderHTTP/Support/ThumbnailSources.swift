/// Which original file each content hash was last served for, so a thumbnail can be made on first request.
///
/// Thumbnail URLs carry only the content hash; the API learns the source file whenever it returns a photo.
/// Thumbnails already in the cache are served without this.
actor ThumbnailSources {
    private var paths: [String: String] = [:]
    private let capacity = 100_000

    /// Remembers where the picture with `hash` lives.
    func remember(hash: String, path: String) {
        if paths.count >= capacity { paths.removeAll(keepingCapacity: true) }
        paths[hash] = path
    }

    /// The file last seen for `hash`.
    func path(for hash: String) -> String? { paths[hash] }
}
