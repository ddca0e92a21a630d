/// A picture's encoded bytes held in memory (a file read once, or an upload), with the name errors cite.
///
/// Decoding, metadata reading and thumbnail making all take the same value, so a library file is read
/// from disk once per indexing pass. The bytes are freed when the last copy of the value is dropped.
public struct PictureBytes: Sendable {
    /// The name messages about this picture use: the file's last path component, or e.g. "upload".
    public let name: String
    /// The encoded file content (JPEG, PNG, HEIC, …), exactly as stored.
    public let bytes: [UInt8]

    /// Wraps `bytes`, cited as `name` in errors.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
