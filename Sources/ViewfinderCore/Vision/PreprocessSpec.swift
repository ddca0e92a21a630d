/// How a model wants its input pictures: size, crop and normalisation.
public struct PreprocessSpec: Sendable, Hashable, Codable {
    /// How the picture is brought to `imageSize`.
    public enum ResizeMode: String, Sendable, Hashable, Codable {
        /// Resize the shortest side to `imageSize`, then centre-crop the square.
        case shortestSideThenCenterCrop = "shortest"
        /// Stretch both sides to `imageSize`, ignoring the aspect ratio.
        case squash
    }

    /// Side length in pixels of the square input tensor.
    public var imageSize: Int
    /// Per-channel mean (RGB, in 0...1 units) subtracted before dividing by `std`.
    public var mean: [Float]
    /// Per-channel standard deviation (RGB, in 0...1 units).
    public var std: [Float]
    /// How the picture is brought to the square input size.
    public var resizeMode: ResizeMode

    /// Creates a specification; `mean` and `std` must have three entries each.
    public init(
        imageSize: Int,
        mean: [Float],
        std: [Float],
        resizeMode: ResizeMode = .shortestSideThenCenterCrop
    ) {
        self.imageSize = imageSize
        self.mean = mean
        self.std = std
        self.resizeMode = resizeMode
    }
}
