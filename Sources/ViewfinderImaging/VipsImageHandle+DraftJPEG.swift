internal import CJPEG
internal import CVips
import Foundation

extension VipsImageHandle {
    /// Whether `draftJPEG` should decode a JPEG whose header libvips read as this: an 8-bit YCbCr, RGB or
    /// greyscale one (libvips says sRGB or B_W), baseline or progressive.
    ///
    /// CMYK and YCCK stay with libvips, which knows Adobe's inverted inks. Progressive JPEGs come here too:
    /// at 1/8 the decoder drops the AC scans a DC-only reconstruction never reads (same pixels, a fraction of
    /// the entropy decoding), and at 1/2 and 1/4 it measured 10–15% faster than libvips' loader once
    /// libjpeg's buffers stopped being page-faulted in anew for every picture (docs/imaging.md).
    var isDraftDecodableJPEG: Bool {
        format == VIPS_FORMAT_UCHAR
            && (interpretation == VIPS_INTERPRETATION_sRGB || interpretation == VIPS_INTERPRETATION_B_W)
    }

    /// Decodes the JPEG in `source` (named `name` in warnings) with libjpeg directly, shrunk by `shrink` (1, 2, 4 or 8) while decoding,
    /// into an sRGB memory image that carries `orientation` and the file's ICC profile.
    ///
    /// When it shrinks, it decodes with the fast integer DCT and without chroma smoothing. At 1:1 it keeps
    /// the accurate DCT and smooth chroma: there the fast DCT's error (about one level, but laid out along
    /// the 8×8 block grid) would survive a mild resize, and it saves only about 5% of the decode.
    ///
    /// Blocking; run it on the decoder's thread pool. Failures carry the step as libvips ones do:
    /// "load" for corrupt or truncated data, "colourspace" for colours left to libvips, "read" when the
    /// file cannot be read any more (files only), "memory" when the pixels do not fit.
    static func draftJPEG(
        _ source: ImageSource, name: String, shrink: Int, rejectTruncated: Bool, maxPixels: Int, orientation: Int
    ) throws(VipsFailure) -> VipsImageHandle {
        var options = cjpeg_options(
            scale_denom: Int32(shrink), reduced_precision: shrink > 1 ? 1 : 0, reject_truncated: rejectTruncated ? 1 : 0,
            max_pixels: Int64(maxPixels)
        )
        var result = cjpeg_result()
        let status = switch source {
        case .file(let path): cjpeg_decode_file(path, &options, &result)
        case .memory(let bytes):
            cjpeg_decode_memory(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, &options, &result)
        }
        defer {
            free(result.pixels)
            free(result.icc_profile)
        }
        let message = withUnsafeBytes(of: result.message) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        switch status {
        case CJPEG_OK: break
        case CJPEG_UNSUPPORTED_COLOURS: throw VipsFailure(operation: "colourspace", message: "libjpeg: \(message)")
        case CJPEG_UNREADABLE: throw VipsFailure(operation: "read", message: "libjpeg: \(message)")
        case CJPEG_OUT_OF_MEMORY: throw VipsFailure(operation: "memory", message: "libjpeg: \(message)")
        default: throw VipsFailure(operation: "load", message: "libjpeg: \(message)")
        }
        if result.warnings > 0 {
            // libvips logs libjpeg's warnings (e.g. a truncated file decoded on request); so does this path.
            let first = withUnsafeBytes(of: result.first_warning) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            cvips_log_warning("\(name): libjpeg: \(first) (\(result.warnings) warnings)")
        }
        guard let pixels = result.pixels else {
            throw VipsFailure(operation: "load", message: "libjpeg returned no pixels")
        }
        let (width, height) = (Int(result.width), Int(result.height))
        guard let raw = cvips_image_new_from_memory_copy(
            pixels, width * height * 3, Int32(width), Int32(height), 3, VIPS_FORMAT_UCHAR
        ) else {
            throw VipsFailure(operation: "memory", message: VipsErrorBuffer.take())
        }
        // A memory image is "multiband" until told otherwise; these bands are sRGB as libjpeg produced them.
        let image = try VipsImageHandle(owning: raw).reinterpreted(as: VIPS_INTERPRETATION_sRGB)
        image.setOrientation(orientation)
        if let profile = result.icc_profile, result.icc_profile_length > 0 {
            vips_image_set_blob_copy(image.pointer, "icc-profile-data", profile, Int(result.icc_profile_length))
        }
        return image
    }
}
