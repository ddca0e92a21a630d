import ViewfinderCore

extension ViewfinderError {
    /// Why a file could not be decoded, as decided by the decoder (not by parsing libvips' text).
    ///
    /// libvips' error buffer is shared by all threads, so its text may belong to
    /// another decode; classification therefore uses which step failed, and the
    /// text only travels along as the underlying cause for logs.
    enum DecodeFailureReason: String {
        case missing = "file does not exist"
        case folder = "is a folder, not an image file"
        case empty = "file is empty"
        case unreadable = "file cannot be read (permission denied)"
        case linkLoop = "symbolic link loop (the link points back to itself)"
        case brokenLink = "broken symbolic link (its target does not exist)"
        case unrecognised = "not an image or unsupported format"
        case damaged = "file is truncated or corrupt"
        case unsupportedColours = "the image's colour format is not supported"
        case other = "the image could not be decoded"
    }

    /// A decode failure for `fileName`, worded for users, optionally with libvips' record as the cause.
    static func decodeFailed(
        _ fileName: String, _ reason: DecodeFailureReason, cause: VipsFailure? = nil
    ) -> ViewfinderError {
        ViewfinderError(.decodeFailed, "\(fileName): \(reason.rawValue)", underlying: cause)
    }
}
