/// `PUT /api/v1/photos/{uid}`: the fields a person may change; absent fields stay as they are.
struct PhotoUpdate: Codable, Sendable {
    let favorite: Bool?
    let archived: Bool?
    let title: String?
    let keywords: [String]?
}

/// `POST /api/v1/albums` and `PUT /api/v1/albums/{uid}`.
struct AlbumRequest: Codable, Sendable {
    let title: String
    let description: String?
}

/// `POST`/`DELETE /api/v1/albums/{uid}/photos`.
struct AlbumPhotosRequest: Codable, Sendable {
    let photos: [String]
}

/// `POST /api/v1/index`.
struct IndexRequest: Codable, Sendable {
    let rescan: Bool?
    let retryFailed: Bool?
}

/// `POST /api/v1/session`.
struct LoginRequest: Codable, Sendable {
    let password: String
}

/// The answer to a login.
struct SessionJSON: Codable, Sendable {
    let token: String
    let expiresIn: Int
}
