/// The aspect of a photo, after orientation (PhotoPrism's `portrait`, `landscape`, `square`).
public enum PhotoShape: String, Sendable, Equatable, CaseIterable {
    /// Taller than wide.
    case portrait
    /// Wider than tall.
    case landscape
    /// As wide as tall (and of known size).
    case square

    /// Whether a `width` × `height` picture has this shape; unknown sizes (0) never match.
    public func matches(width: Int, height: Int) -> Bool {
        guard width > 0, height > 0 else { return false }
        switch self {
        case .portrait: return height > width
        case .landscape: return width > height
        case .square: return width == height
        }
    }
}
