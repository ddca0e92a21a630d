internal import CVips

extension VipsImageHandle {
    /// How libvips interprets the bands (sRGB, CMYK, B_W, …).
    var interpretation: VipsInterpretation { vips_image_get_interpretation(pointer) }

    /// Whether the image carries an embedded ICC profile.
    var hasICCProfile: Bool { vips_image_get_typeof(pointer, "icc-profile-data") != 0 }

    /// Whether this is 8-bit CMYK without a profile, which has no defined colours.
    var isUnprofiledCMYK: Bool {
        interpretation == VIPS_INTERPRETATION_CMYK && format == VIPS_FORMAT_UCHAR && bands >= 4 && !hasICCProfile
    }

    /// Converts 8-bit CMYK to RGB with Pillow's formula, `R = (255 − C)(255 − K) / 255` rounded; alpha is dropped.
    ///
    /// Without an embedded profile the file does not say which inks it meant, so any conversion
    /// is a guess. libvips would guess with a press profile (SWOP-like), Pillow with this
    /// ink-free formula, and CLIP-style models were trained on Pillow's guess: a mean difference
    /// of about 0.25 normalised units against 0.005 for the formula (see docs/imaging.md).
    func naiveCMYKToSRGB() throws(VipsFailure) -> VipsImageHandle {
        let inverted = try extractingBands(0, count: 4).apply("invert") { cvips_invert($0, $1) }
        let paper = try inverted.extractingBands(0, count: 3)
        let black = try inverted.extractingBands(3, count: 1)
        let product = try paper.apply("multiply") { cvips_multiply($0, black.pointer, $1) }
        let scaled = try product.apply("linear") { cvips_linear1($0, $1, 1.0 / 255.0, 0) }
        let rounded = try scaled.apply("round") { cvips_rint($0, $1) }
        let bytes = try rounded.apply("cast") { cvips_cast($0, $1, VIPS_FORMAT_UCHAR) }
        return try bytes.reinterpreted(as: VIPS_INTERPRETATION_sRGB)
    }
}
