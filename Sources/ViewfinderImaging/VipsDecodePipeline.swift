internal import CVips
import Foundation
import ViewfinderCore

/// The blocking part of decoding: one file, or one picture's bytes in memory, through libvips into a model tensor.
///
/// Runs on a thread-pool thread, never on Swift's cooperative pool.
struct VipsDecodePipeline {
    /// Limits and strictness.
    let configuration: ImagingConfiguration

    /// Decodes `file` for `spec`; see ``VipsImageDecoder`` for the steps.
    func decode(_ file: URL, for spec: PreprocessSpec) throws(ViewfinderError) -> DecodedImage {
        let name = file.lastPathComponent
        try Self.validate(spec)
        let path = try Self.checkedPath(of: file, name: name)
        return try decode(.file(path), name: name, for: spec)
    }

    /// Decodes `picture` for `spec`, reading its bytes in place; the same steps and errors as for a file.
    func decode(_ picture: PictureBytes, for spec: PreprocessSpec) throws(ViewfinderError) -> DecodedImage {
        try Self.validate(spec)
        guard !picture.bytes.isEmpty else { throw .decodeFailed(picture.name, .empty) }
        return try picture.withSource { source throws(ViewfinderError) in try decode(source, name: picture.name, for: spec) }
    }

    /// The decode itself, from a checked file or from bytes that stay valid until it returns.
    private func decode(_ source: ImageSource, name: String, for spec: PreprocessSpec) throws(ViewfinderError) -> DecodedImage {
        let failOn = configuration.rejectTruncated ? VIPS_FAIL_ON_TRUNCATED : VIPS_FAIL_ON_NONE

        // Opening only parses the header; no pixels are decoded yet.
        let header: VipsImageHandle
        do {
            header = try VipsImageHandle.open(source, access: VIPS_ACCESS_SEQUENTIAL, failOn: failOn)
        } catch {
            throw .decodeFailed(name, Self.reasonForUnopenable(source), cause: error)
        }
        let (width, height) = (header.width, header.height)
        try checkPixelLimit(width: width, height: height, name: name)
        let orientation = (1...8).contains(header.orientation) ? header.orientation : 1
        let swapsAxes = ResizePlan.swapsAxes(orientation)
        let uprightWidth = swapsAxes ? height : width
        let uprightHeight = swapsAxes ? width : height
        let plan = ResizePlan(width: uprightWidth, height: uprightHeight, side: spec.imageSize, mode: spec.resizeMode)

        let pixels: [UInt8]
        do {
            // (`&&` would capture the non-copyable header in an autoclosure.)
            let isJPEG = header.isJPEG
            let headroom = isJPEG ? configuration.shrinkOnLoad.headroom : nil
            let shrink = headroom.map {
                ResizePlan.jpegShrink(width: width, height: height, side: spec.imageSize, headroom: $0)
            } ?? 1
            let draftColours = header.isDraftDecodableJPEG
            if isJPEG, draftColours, configuration.shrinkOnLoad == .fast {
                // Straight through libjpeg: no second libvips open (header, EXIF) and no region
                // pipeline around the decode (docs/imaging.md).
                let loaded = try VipsImageHandle.draftJPEG(
                    source, name: name, shrink: shrink, rejectTruncated: configuration.rejectTruncated,
                    maxPixels: configuration.maxPixels, orientation: orientation
                )
                pixels = try Self.square(from: loaded, plan: plan, orientation: orientation, computeHere: true)
            } else if shrink > 1 {
                let loaded = try VipsImageHandle.open(
                    source, access: VIPS_ACCESS_SEQUENTIAL, failOn: failOn, jpegShrink: shrink
                )
                pixels = try Self.square(from: loaded, plan: plan, orientation: orientation)
            } else {
                pixels = try Self.square(from: header, plan: plan, orientation: orientation)
            }
        } catch {
            throw .decodeFailed(name, Self.reason(for: error), cause: error)
        }
        guard pixels.count == 3 * spec.imageSize * spec.imageSize else {
            throw ViewfinderError(.internalFailure, "\(name): the image library returned an unexpected pixel count")
        }
        let tensor = ImageTensor(normalisingRGB: pixels, side: spec.imageSize, mean: spec.mean, std: spec.std)
        return DecodedImage(tensor: tensor, width: uprightWidth, height: uprightHeight)
    }

    /// Colour-converts, resizes, crops and orients `loaded` into `plan.side`² interleaved RGB bytes.
    ///
    /// With `computeHere` (a decoded memory image as the source) the square is computed on this thread; otherwise
    /// libvips' thread pool evaluates it, which streams from sequential loaders without holding their whole input.
    private static func square(
        from loaded: borrowing VipsImageHandle, plan: ResizePlan, orientation: Int, computeHere: Bool = false
    ) throws(VipsFailure) -> [UInt8] {
        let converted = try loaded.toSRGB()
        guard converted.bands >= 3 else {
            throw VipsFailure(operation: "colourspace", message: "unsupported image format: \(converted.bands) bands")
        }
        // Like Pillow's convert("RGB"): alpha is dropped, colour values are kept as stored.
        let target = plan.rawResizedSize(orientation: orientation)
        let resized = converted.bands == 3
            ? try converted.resizedCubic(toWidth: target.width, height: target.height)
            : try converted.extractingBands(0, count: 3).resizedCubic(toWidth: target.width, height: target.height)
        guard resized.width == target.width, resized.height == target.height else {
            throw VipsFailure(
                operation: "resize",
                message: "expected \(target.width)x\(target.height), got \(resized.width)x\(resized.height)"
            )
        }
        let origin = plan.rawCropOrigin(orientation: orientation)
        let cropped = try resized.cropped(left: origin.left, top: origin.top, width: plan.side, height: plan.side)
        if computeHere {
            // A memory source allows the out-of-order reads of rotation, so it stays lazy to the end.
            guard orientation != 1 else { return try cropped.pixelBytesComputedHere() }
            return try cropped.autorotated().pixelBytesComputedHere()
        }
        // Rotation reads its input out of order, which a sequential loader cannot do,
        // so the small square is computed into memory first.
        let square = try cropped.materialised()
        guard orientation != 1 else { return try square.pixelBytes() }
        return try square.autorotated().pixelBytes()
    }

    private func checkPixelLimit(width: Int, height: Int, name: String) throws(ViewfinderError) {
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard overflow || pixels > configuration.maxPixels else { return }
        throw ViewfinderError(
            .invalidInput,
            "\(name): the image is \(width)×\(height) pixels, more than the limit of \(configuration.maxPixels) pixels"
        )
    }

    private static func validate(_ spec: PreprocessSpec) throws(ViewfinderError) {
        guard spec.imageSize > 0, spec.imageSize <= 8192 else {
            throw ViewfinderError(.invalidInput, "The model's input size \(spec.imageSize) is not supported.")
        }
        guard spec.mean.count == 3, spec.std.count == 3, !spec.std.contains(0) else {
            throw ViewfinderError(.invalidInput, "The model's normalisation needs three means and three non-zero deviations.")
        }
    }

    /// The file's path, after checking it names a readable, non-empty (unless `allowEmpty`) regular file.
    static func checkedPath(of file: URL, name: String, allowEmpty: Bool = false) throws(ViewfinderError) -> String {
        guard file.isFileURL else {
            throw ViewfinderError(.invalidInput, "\(file.absoluteString) is not a local file.")
        }
        let path = file.path
        var status = stat()
        guard stat(path, &status) == 0 else {
            let failure = errno
            var linkStatus = stat()
            let isLink = lstat(path, &linkStatus) == 0 && (linkStatus.st_mode & S_IFMT) == S_IFLNK
            switch failure {
            case ELOOP: throw .decodeFailed(name, .linkLoop)
            case ENOENT where isLink: throw .decodeFailed(name, .brokenLink)
            case EACCES: throw .decodeFailed(name, .unreadable)
            default: throw .decodeFailed(name, .missing)
            }
        }
        guard (status.st_mode & S_IFMT) != S_IFDIR else {
            throw .decodeFailed(name, .folder)
        }
        guard access(path, R_OK) == 0 else {
            throw .decodeFailed(name, .unreadable)
        }
        if status.st_size == 0, !allowEmpty {
            throw .decodeFailed(name, .empty)
        }
        return path
    }

    /// Classifies a failure to read the header: gone since the check, unknown format, or damaged.
    static func reasonForUnopenable(_ source: ImageSource) -> ViewfinderError.DecodeFailureReason {
        guard !source.isMissingFile else { return .missing }
        // Does some loader claim the bytes by their leading bytes?
        guard let loader = source.loaderName else { return .unrecognised }
        // A format only a blocked (untrusted) loader reads counts as unsupported.
        let blocked = cvips_operation_class_flags(loader).rawValue & VIPS_OPERATION_BLOCKED.rawValue != 0
        return blocked ? .unrecognised : .damaged
    }

    /// Classifies a failure after the header was read by the step that failed.
    private static func reason(for failure: VipsFailure) -> ViewfinderError.DecodeFailureReason {
        switch failure.operation {
        case "load", "decode": .damaged
        case "colourspace", "cast", "extract_band": .unsupportedColours
        default: .other
        }
    }
}
