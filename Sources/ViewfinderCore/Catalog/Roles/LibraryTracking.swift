public import struct Foundation.Date

/// The catalog role the indexing worker needs to follow files on disk: list, move, mark missing, prune.
public protocol LibraryTracking: Sendable {
    /// Every photo of `root` (present, failed or missing), with whether it is embedded with `model` at `dims`.
    func libraryEntries(root: String, model: ModelID, dims: Int) async throws(ViewfinderError) -> [LibraryEntry]
    /// Points a photo at `file` (a move, a rename or a reappearance), keeping its metadata and embeddings;
    /// the photo becomes indexed and present again.
    func relocate(photoID: Int64, to file: LibraryFile) async throws(ViewfinderError)
    /// Marks photos whose files are gone as missing since `date` (already missing ones keep their date).
    func markMissing(photoIDs: [Int64], at date: Date) async throws(ViewfinderError)
    /// Stores pictures without embeddings in one transaction (indexed, found by metadata; embedded once CLIP runs).
    func recordFiles(_ records: [FileRecord]) async throws(ViewfinderError)
    /// Deletes embeddings of every (model, dims) except `model` at `dims`; returns how many were deleted.
    func pruneEmbeddings(keeping model: ModelID, dims: Int) async throws(ViewfinderError) -> Int
}
