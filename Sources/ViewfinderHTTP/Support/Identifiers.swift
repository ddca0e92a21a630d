import HTTPTypes
import ViewfinderCore

/// Strict checks of identifiers taken from URL paths; anything else (`..`, `/`, escapes) is refused.
enum Identifiers {
    /// A photo uid, or a 404.
    static func photoUID(_ value: String) throws(APIError) -> String {
        guard PhotoUID.isValid(value) else { throw APIError(.notFound, "there is no photo with that uid") }
        return value
    }

    /// An album uid (`a` and 15 base-36 characters), or a 404.
    static func albumUID(_ value: String) throws(APIError) -> String {
        let alphabet = Set("0123456789abcdefghijklmnopqrstuvwxyz")
        guard value.count == 16, value.first == "a", value.dropFirst().allSatisfy({ alphabet.contains($0) }) else {
            throw APIError(.notFound, "there is no album with that uid")
        }
        return value
    }

    /// A content hash (64 lowercase hex digits), or a 404.
    static func contentHash(_ value: String) throws(APIError) -> String {
        guard Hex.isLowercase(value, length: 64) else { throw APIError(.notFound, "there is no thumbnail for that hash") }
        return value
    }

    /// A thumbnail size name (`fit_256`, `fit_720`, `fit_1920`), or a 404.
    static func thumbnailSize(_ value: String) throws(APIError) -> ThumbnailSize {
        guard let size = ThumbnailSize(rawValue: value) else {
            throw APIError(.notFound, "thumbnail sizes are fit_256, fit_720 and fit_1920")
        }
        return size
    }
}
