/// How far libjpeg may shrink a JPEG while decoding it (by 2, 4 or 8, DCT scaling), before the cubic resize.
///
/// Shrinking skips most of the decoding work of a large photo, at the price of a small difference
/// from a full decode. Measured against the Pillow reference on Debian's wallpaper photographs
/// (docs/imaging.md, BENCHMARKS.md), mean |Δ| in normalised units: `off` 0.0015–0.004,
/// `balanced` 0.002–0.006, `fast` 0.003–0.020 (the same as Pillow's own `draft()`).
public enum ShrinkOnLoad: String, Sendable, Hashable, CaseIterable {
    /// Exact mode: every pixel is decoded, as the reference does.
    case off
    /// Shrink while the shortest side stays at least twice the model size.
    case balanced
    /// Shrink while the shortest side stays at least the model size, as Pillow's `draft()` does; YCbCr, RGB
    /// and greyscale JPEGs are decoded by libjpeg directly (fast DCT and plain chroma when shrinking).
    case fast

    /// The shortest side must stay at least this many times the model size after shrinking; nil when off.
    var headroom: Int? {
        switch self {
        case .off: nil
        case .balanced: 2
        case .fast: 1
        }
    }
}
