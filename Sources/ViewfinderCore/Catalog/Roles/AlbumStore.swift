/// The catalog role that keeps albums (membership changes go through `PhotoWriting.apply`).
public protocol AlbumStore: Sendable {
    /// Creates an album.
    func createAlbum(title: String, description: String?) async throws(ViewfinderError) -> Album
    /// All albums, by title.
    func albums() async throws(ViewfinderError) -> [Album]
    /// Gives an album a new title (trimmed; an empty title is refused).
    func renameAlbum(id: Int64, title: String) async throws(ViewfinderError)
    /// Deletes an album (its photos stay in the catalog).
    func deleteAlbum(id: Int64) async throws(ViewfinderError)
}
