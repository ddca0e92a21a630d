internal import CVips

extension VipsImageHandle {
    /// Converts to 8-bit-per-band sRGB (from CMYK, greyscale, 16-bit, Lab, …); alpha is carried along.
    ///
    /// 8-bit CMYK without an ICC profile uses Pillow's formula (and loses alpha); CMYK with a
    /// profile goes through the profile.
    func toSRGB() throws(VipsFailure) -> VipsImageHandle {
        if isUnprofiledCMYK { return try naiveCMYKToSRGB() }
        let converted = try apply("colourspace") { cvips_colourspace($0, $1, VIPS_INTERPRETATION_sRGB) }
        guard converted.format != VIPS_FORMAT_UCHAR else { return converted }
        // sRGB from float sources (HDR, scRGB) can still be float; clip to 0...255.
        return try converted.apply("cast") { cvips_cast($0, $1, VIPS_FORMAT_UCHAR) }
    }

    /// Keeps `count` bands starting at `first`.
    func extractingBands(_ first: Int, count: Int) throws(VipsFailure) -> VipsImageHandle {
        try apply("extract_band") { cvips_extract_band($0, $1, Int32(first), Int32(count)) }
    }

    /// Resamples with the cubic (Catmull-Rom) kernel to exactly `width`×`height`.
    ///
    /// The gap of 0 turns off libvips' box pre-shrink so the whole reduction is one
    /// kernel convolution, as in Pillow's `resize(..., BICUBIC)`.
    func resizedCubic(toWidth width: Int, height: Int) throws(VipsFailure) -> VipsImageHandle {
        let horizontal = Double(width) / Double(self.width)
        let vertical = Double(height) / Double(self.height)
        return try apply("resize") { cvips_resize($0, $1, horizontal, vertical, VIPS_KERNEL_CUBIC, 0) }
    }

    /// Rotates and flips the image upright as its EXIF orientation says.
    func autorotated() throws(VipsFailure) -> VipsImageHandle {
        try apply("autorot") { cvips_autorot($0, $1) }
    }

    /// Crops a rectangle.
    func cropped(left: Int, top: Int, width: Int, height: Int) throws(VipsFailure) -> VipsImageHandle {
        try apply("extract_area") {
            cvips_extract_area($0, $1, Int32(left), Int32(top), Int32(width), Int32(height))
        }
    }

    /// A copy that declares its bands as `interpretation` (no pixel conversion).
    func reinterpreted(as interpretation: VipsInterpretation) throws(VipsFailure) -> VipsImageHandle {
        try apply("copy") { cvips_copy_interpretation($0, $1, interpretation) }
    }

    /// Sets the EXIF orientation recorded when the image is saved.
    ///
    /// Only valid on an image this code created and has not shared yet.
    func setOrientation(_ orientation: Int) {
        vips_image_set_int(pointer, "orientation", Int32(orientation))
    }

    /// Saves as JPEG with `quality` (1...100), baseline or progressive.
    func saveJPEG(to path: String, quality: Int, progressive: Bool = false) throws(VipsFailure) {
        guard cvips_jpegsave(pointer, path, Int32(quality), progressive ? 1 : 0) == 0 else {
            throw VipsFailure(operation: "jpegsave", message: VipsErrorBuffer.take())
        }
    }

    /// Saves as PNG (16 bits per sample for 16-bit images).
    func savePNG(to path: String) throws(VipsFailure) {
        guard cvips_pngsave(pointer, path) == 0 else {
            throw VipsFailure(operation: "pngsave", message: VipsErrorBuffer.take())
        }
    }
}
