/// Bounds on what one request may ask for, so bad input gets a 400 or 413 instead of exhausting the server.
public struct APILimits: Sendable, Equatable {
    /// The longest value of any query parameter, in bytes.
    public var maxQueryLength: Int
    /// The largest page size (`count`).
    public var maxCount: Int
    /// The largest uploaded picture, in bytes.
    public var maxUploadBytes: Int
    /// Image searches running at the same time; more get a 503.
    public var maxConcurrentUploads: Int
    /// The largest JSON request body, in bytes.
    public var maxJSONBytes: Int

    /// Creates limits; the defaults suit a personal library.
    public init(
        maxQueryLength: Int = 1000, maxCount: Int = 1000, maxUploadBytes: Int = 25 * 1024 * 1024,
        maxConcurrentUploads: Int = 2, maxJSONBytes: Int = 64 * 1024
    ) {
        self.maxQueryLength = maxQueryLength
        self.maxCount = maxCount
        self.maxUploadBytes = maxUploadBytes
        self.maxConcurrentUploads = maxConcurrentUploads
        self.maxJSONBytes = maxJSONBytes
    }
}
