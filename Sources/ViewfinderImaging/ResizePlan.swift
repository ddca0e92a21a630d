import ViewfinderCore

/// Where the pixels of a model input come from: resize target and crop, in both frames.
///
/// "Oriented" means after EXIF orientation is applied (what users see and what
/// the reference Pillow pipeline works on); "raw" means as stored in the file.
/// The decoder resizes and crops in the raw frame and rotates only the final
/// square, so the geometry has to be mapped back here.
struct ResizePlan: Hashable {
    /// Side of the square output.
    let side: Int
    /// Width after resizing, oriented frame.
    let resizedWidth: Int
    /// Height after resizing, oriented frame.
    let resizedHeight: Int
    /// Left edge of the crop, oriented frame.
    let cropLeft: Int
    /// Top edge of the crop, oriented frame.
    let cropTop: Int

    /// Plans the resize of an upright `width`×`height` picture into a `side`-pixel square.
    ///
    /// Mirrors torchvision's `Resize(side)` + `CenterCrop(side)` on Pillow images,
    /// which CLIP-style models were trained with: the long side is truncated
    /// (`int(side * long / short)`) and the crop offset uses Python's `round`,
    /// which rounds halves to even.
    init(width: Int, height: Int, side: Int, mode: PreprocessSpec.ResizeMode) {
        self.side = side
        switch mode {
        case .squash:
            resizedWidth = side
            resizedHeight = side
        case .shortestSideThenCenterCrop:
            if width <= height {
                resizedWidth = side
                resizedHeight = max(side, Int(Double(side * height) / Double(width)))
            } else {
                resizedWidth = max(side, Int(Double(side * width) / Double(height)))
                resizedHeight = side
            }
        }
        cropLeft = Int((Double(resizedWidth - side) / 2).rounded(.toNearestOrEven))
        cropTop = Int((Double(resizedHeight - side) / 2).rounded(.toNearestOrEven))
    }

    /// Whether an EXIF orientation swaps width and height (5...8 rotate by 90°).
    static func swapsAxes(_ orientation: Int) -> Bool {
        (5...8).contains(orientation)
    }

    /// The resize target in the raw (stored) frame.
    func rawResizedSize(orientation: Int) -> (width: Int, height: Int) {
        Self.swapsAxes(orientation) ? (resizedHeight, resizedWidth) : (resizedWidth, resizedHeight)
    }

    /// The crop's top-left corner in the raw frame, so that orienting the raw crop gives the oriented crop.
    func rawCropOrigin(orientation: Int) -> (left: Int, top: Int) {
        let raw = rawResizedSize(orientation: orientation)
        let farLeft = raw.width - side
        let farTop = raw.height - side
        switch orientation {
        case 2: return (farLeft - cropLeft, cropTop)  // mirrored horizontally
        case 3: return (farLeft - cropLeft, farTop - cropTop)  // rotated 180°
        case 4: return (cropLeft, farTop - cropTop)  // mirrored vertically
        case 5: return (cropTop, cropLeft)  // transposed
        case 6: return (cropTop, farTop - cropLeft)  // stored rotated 90° anticlockwise
        case 7: return (farLeft - cropTop, farTop - cropLeft)  // transversed
        case 8: return (farLeft - cropTop, cropLeft)  // stored rotated 90° clockwise
        default: return (cropLeft, cropTop)
        }
    }

    /// The largest JPEG shrink-on-load factor (1, 2, 4 or 8) that keeps the shortest side at least
    /// `headroom` times `side`, so the final cubic reduction still does the filtering.
    static func jpegShrink(width: Int, height: Int, side: Int, headroom: Int) -> Int {
        let shortest = min(width, height)
        for factor in [8, 4, 2] where shortest / factor >= headroom * side {
            return factor
        }
        return 1
    }
}
