public import struct Foundation.URL

/// A picture decoded and preprocessed for one model, plus what was learned about it on the way.
public struct DecodedImage: Sendable, Equatable {
    /// The model input tensor.
    public let tensor: ImageTensor
    /// Width in pixels after EXIF orientation was applied.
    public let width: Int
    /// Height in pixels after EXIF orientation was applied.
    public let height: Int

    /// Creates a decoded picture.
    public init(tensor: ImageTensor, width: Int, height: Int) {
        self.tensor = tensor
        self.width = width
        self.height = height
    }
}

/// Decodes image files into model input tensors (decode → preprocess).
public protocol ImageDecoding: Sendable {
    /// Decodes `file`, applies its orientation and preprocesses it as `spec` says.
    func decode(_ file: URL, for spec: PreprocessSpec) async throws(ViewfinderError) -> DecodedImage
    /// Decodes a picture already in memory exactly as `decode(_:for:)` decodes the same bytes from a file.
    func decode(_ picture: PictureBytes, for spec: PreprocessSpec) async throws(ViewfinderError) -> DecodedImage
}
