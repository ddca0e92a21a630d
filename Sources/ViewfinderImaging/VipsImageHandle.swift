internal import CVips

/// Owns one reference to a libvips image and releases it when dropped.
///
/// Non-copyable so that ownership is explicit and every image is released
/// exactly once. Not `Sendable`: handles live inside one blocking job.
struct VipsImageHandle: ~Copyable {
    /// The underlying libvips image; valid for the handle's lifetime.
    let pointer: UnsafeMutablePointer<VipsImage>

    /// Takes ownership of a reference returned by libvips.
    init(owning pointer: UnsafeMutablePointer<VipsImage>) {
        self.pointer = pointer
    }

    deinit {
        cvips_unref(pointer)
    }

    /// Width in pixels, from the header.
    var width: Int { Int(vips_image_get_width(pointer)) }
    /// Height in pixels, from the header.
    var height: Int { Int(vips_image_get_height(pointer)) }
    /// Number of bands (channels).
    var bands: Int { Int(vips_image_get_bands(pointer)) }
    /// The sample format.
    var format: VipsBandFormat { vips_image_get_format(pointer) }
    /// The EXIF orientation (1...8), 1 when the file has none.
    var orientation: Int { Int(vips_image_get_orientation(pointer)) }

    /// The loader's nickname recorded in the header, e.g. "jpegload".
    var loader: String? {
        // Checking the type first avoids libvips appending "field not found" to the
        // process-global error buffer, where it would confuse a later failure.
        guard vips_image_get_typeof(pointer, "vips-loader") != 0 else { return nil }
        var value: UnsafePointer<CChar>?
        guard vips_image_get_string(pointer, "vips-loader", &value) == 0, let value else { return nil }
        return String(cString: value)
    }

    /// Whether libvips read the header with its JPEG loader: "jpegload" from a file, "jpegload_buffer" from memory.
    var isJPEG: Bool {
        let loader = self.loader
        return loader == "jpegload" || loader == "jpegload_buffer"
    }

    /// Opens `source` lazily: only the header is read until pixels are requested.
    ///
    /// A memory source is read in place; the image must be dropped before the bytes are released.
    static func open(
        _ source: ImageSource, access: VipsAccess, failOn: VipsFailOn, jpegShrink: Int? = nil
    ) throws(VipsFailure) -> VipsImageHandle {
        let image: UnsafeMutablePointer<VipsImage>? = switch (source, jpegShrink) {
        case (.file(let path), let shrink?): cvips_jpeg_new_from_file_shrink(path, access, failOn, Int32(shrink))
        case (.file(let path), nil): cvips_image_new_from_file(path, access, failOn)
        case (.memory(let bytes), let shrink?):
            cvips_jpeg_new_from_buffer_shrink(bytes.baseAddress, bytes.count, access, failOn, Int32(shrink))
        case (.memory(let bytes), nil): cvips_image_new_from_buffer(bytes.baseAddress, bytes.count, access, failOn)
        }
        guard let image else { throw VipsFailure(operation: "load", message: VipsErrorBuffer.take()) }
        return VipsImageHandle(owning: image)
    }

    /// Runs a libvips operation that writes its result through an out-pointer.
    func apply(
        _ operation: String,
        _ body: (UnsafeMutablePointer<VipsImage>, UnsafeMutablePointer<UnsafeMutablePointer<VipsImage>?>) -> Int32
    ) throws(VipsFailure) -> VipsImageHandle {
        var output: UnsafeMutablePointer<VipsImage>?
        let status = body(pointer, &output)
        guard status == 0, let output else {
            if let output { cvips_unref(output) }
            throw VipsFailure(operation: operation, message: VipsErrorBuffer.take())
        }
        return VipsImageHandle(owning: output)
    }

    /// Evaluates the whole pipeline into memory, giving a random-access image.
    func materialised() throws(VipsFailure) -> VipsImageHandle {
        guard let copy = cvips_image_copy_memory(pointer) else {
            throw VipsFailure(operation: "decode", message: VipsErrorBuffer.take())
        }
        return VipsImageHandle(owning: copy)
    }

    /// Computes the image on the calling thread, without libvips' thread pool, and returns its pixels,
    /// band-interleaved, row by row. Only for small images over random-access (memory) sources.
    func pixelBytesComputedHere() throws(VipsFailure) -> [UInt8] {
        let size = width * height * bands * Int(vips_format_sizeof(format))
        var failed = false
        let pixels = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            failed = cvips_image_compute_here(pointer, buffer.baseAddress, size) != 0
            count = failed ? 0 : size
        }
        guard !failed else { throw VipsFailure(operation: "decode", message: VipsErrorBuffer.take()) }
        return pixels
    }

    /// Evaluates the image and returns its pixels, band-interleaved, row by row.
    func pixelBytes() throws(VipsFailure) -> [UInt8] {
        var size = 0
        guard let buffer = vips_image_write_to_memory(pointer, &size) else {
            throw VipsFailure(operation: "decode", message: VipsErrorBuffer.take())
        }
        defer { g_free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: size))
    }
}
