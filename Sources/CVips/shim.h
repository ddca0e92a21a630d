// Fixed-arity wrappers around libvips for Swift.
//
// Swift cannot call C variadic functions (libvips passes optional arguments
// as NULL-terminated name/value lists), nor function-like macros such as
// VIPS_INIT. Each libvips entry point the Swift code needs gets a
// `static inline` wrapper here with a fixed parameter list, prefixed `cvips_`.
// Keep these wrappers free of logic: policy lives in Swift.
#ifndef CVIPS_SHIM_H
#define CVIPS_SHIM_H

#include <vips/vips.h>

// MARK: - Runtime

/// Initialises libvips (ABI check + vips_init); returns 0 on success.
static inline int cvips_init(const char *argv0) {
    return VIPS_INIT(argv0);
}

/// Releases one reference to a libvips image (or any GObject).
static inline void cvips_unref(VipsImage *image) {
    g_object_unref(image);
}

// MARK: - Loading

/// Opens a file lazily (header only) with an explicit access pattern and failure level.
static inline VipsImage *cvips_image_new_from_file(
    const char *filename, VipsAccess access, VipsFailOn fail_on) {
    return vips_image_new_from_file(filename,
        "access", access,
        "fail_on", fail_on,
        NULL);
}

/// Opens a JPEG lazily, asking libjpeg to shrink by 1, 2, 4 or 8 while decoding.
static inline VipsImage *cvips_jpeg_new_from_file_shrink(
    const char *filename, VipsAccess access, VipsFailOn fail_on, int shrink) {
    return vips_image_new_from_file(filename,
        "access", access,
        "fail_on", fail_on,
        "shrink", shrink,
        NULL);
}

/// Opens encoded bytes lazily (header only); `data` is not copied and must outlive the image.
static inline VipsImage *cvips_image_new_from_buffer(
    const void *data, size_t length, VipsAccess access, VipsFailOn fail_on) {
    return vips_image_new_from_buffer(data, length, "",
        "access", access,
        "fail_on", fail_on,
        NULL);
}

/// Opens JPEG bytes lazily, shrinking by 1, 2, 4 or 8 while decoding; `data` must outlive the image.
static inline VipsImage *cvips_jpeg_new_from_buffer_shrink(
    const void *data, size_t length, VipsAccess access, VipsFailOn fail_on, int shrink) {
    return vips_image_new_from_buffer(data, length, "",
        "access", access,
        "fail_on", fail_on,
        "shrink", shrink,
        NULL);
}

/// Builds an image from a copy of raw, band-interleaved pixel memory.
static inline VipsImage *cvips_image_new_from_memory_copy(
    const void *data, size_t size, int width, int height, int bands,
    VipsBandFormat format) {
    return vips_image_new_from_memory_copy(data, size, width, height, bands, format);
}

/// The flags of an operation class by its type name (e.g. "VipsForeignLoadJpegFile"), or 0 if unknown.
///
/// Lets Swift ask whether the loader libvips picked for a file is blocked
/// (VIPS_OPERATION_BLOCKED) without reaching into GObject class macros.
static inline VipsOperationFlags cvips_operation_class_flags(const char *type_name) {
    GType type = g_type_from_name(type_name);
    if (type == 0 || !g_type_is_a(type, VIPS_TYPE_OPERATION)) {
        return (VipsOperationFlags) 0;
    }
    gpointer klass = g_type_class_ref(type);
    VipsOperationFlags flags = VIPS_OPERATION_CLASS(klass)->flags;
    g_type_class_unref(klass);
    return flags;
}

// MARK: - Operations

/// Converts to another colour space (e.g. CMYK, greyscale or 16-bit to 8-bit sRGB).
static inline int cvips_colourspace(
    VipsImage *in, VipsImage **out, VipsInterpretation space) {
    return vips_colourspace(in, out, space, NULL);
}

/// Keeps `n` bands starting at `band`.
static inline int cvips_extract_band(VipsImage *in, VipsImage **out, int band, int n) {
    return vips_extract_band(in, out, band, "n", n, NULL);
}

/// Joins an image with itself `n` times along the band axis.
static inline int cvips_bandjoin_const1(VipsImage *in, VipsImage **out, int n) {
    VipsImage *images[3] = { in, in, in };
    if (n < 1 || n > 3) {
        vips_error("cvips_bandjoin", "bad band count");
        return -1;
    }
    return vips_bandjoin(images, out, n, NULL);
}

/// Casts the band format, clipping out-of-range values.
static inline int cvips_cast(VipsImage *in, VipsImage **out, VipsBandFormat format) {
    return vips_cast(in, out, format, NULL);
}

/// Resamples by independent horizontal and vertical factors with a chosen kernel.
static inline int cvips_resize(
    VipsImage *in, VipsImage **out, double hscale, double vscale,
    VipsKernel kernel, double gap) {
    return vips_resize(in, out, hscale,
        "vscale", vscale,
        "kernel", kernel,
        "gap", gap,
        NULL);
}

/// Rotates/flips the image upright according to its EXIF orientation tag.
static inline int cvips_autorot(VipsImage *in, VipsImage **out) {
    return vips_autorot(in, out, NULL);
}

/// Crops a rectangle.
static inline int cvips_extract_area(
    VipsImage *in, VipsImage **out, int left, int top, int width, int height) {
    return vips_extract_area(in, out, left, top, width, height, NULL);
}

/// Copies the image, overriding its interpretation (how the bands are meant).
static inline int cvips_copy_interpretation(
    VipsImage *in, VipsImage **out, VipsInterpretation interpretation) {
    return vips_copy(in, out, "interpretation", interpretation, NULL);
}

/// Evaluates the pipeline into a new memory image (fully decoded, random access).
static inline VipsImage *cvips_image_copy_memory(VipsImage *in) {
    return vips_image_copy_memory(in);
}

/// Computes the whole image on the calling thread (one region, no libvips thread pool) and copies its pixels,
/// band-interleaved row by row, into `out` (`size` bytes, which must be the image's size). Returns 0 on success.
///
/// For small images over a random-access (memory) source: the thread-pool sink hands every image to a
/// worker thread and back, which costs more than computing a 224×224 square. Not for sequential loaders'
/// large images, whose whole input would be held in one region.
static inline int cvips_image_compute_here(VipsImage *in, void *out, size_t size) {
    size_t line = VIPS_IMAGE_SIZEOF_LINE(in);
    if (line * (size_t) in->Ysize != size) {
        vips_error("cvips_image_compute_here", "%s", "buffer size does not match the image");
        return -1;
    }
    VipsRegion *region = vips_region_new(in);
    if (region == NULL) {
        return -1;
    }
    VipsRect whole = { 0, 0, in->Xsize, in->Ysize };
    if (vips_region_prepare(region, &whole) != 0) {
        g_object_unref(region);
        return -1;
    }
    for (int y = 0; y < in->Ysize; y++) {
        memcpy((unsigned char *) out + (size_t) y * line, VIPS_REGION_ADDR(region, 0, y), line);
    }
    g_object_unref(region);
    return 0;
}

/// Inverts each band: 255 - v for 8-bit images.
static inline int cvips_invert(VipsImage *in, VipsImage **out) {
    return vips_invert(in, out, NULL);
}

/// Multiplies two images pixel by pixel; a one-band image is repeated across the other's bands.
static inline int cvips_multiply(VipsImage *left, VipsImage *right, VipsImage **out) {
    return vips_multiply(left, right, out, NULL);
}

/// Computes a * v + b per sample, as float.
static inline int cvips_linear1(VipsImage *in, VipsImage **out, double a, double b) {
    return vips_linear1(in, out, a, b, NULL);
}

/// Rounds float samples to the nearest integer value (halves to even).
static inline int cvips_rint(VipsImage *in, VipsImage **out) {
    return vips_round(in, out, VIPS_OPERATION_ROUND_RINT, NULL);
}

/// Removes alpha by compositing onto a white background.
static inline int cvips_flatten_white(VipsImage *in, VipsImage **out) {
    double white[3] = { 255.0, 255.0, 255.0 };
    VipsArrayDouble *background = vips_array_double_new(white, 3);
    int status = vips_flatten(in, out, "background", background, NULL);
    vips_area_unref(VIPS_AREA(background));
    return status;
}

/// Loads `filename` and shrinks it to fit `size`×`size`, upright and in sRGB; never enlarges.
static inline VipsImage *cvips_thumbnail_fit(const char *filename, int size, VipsFailOn fail_on) {
    VipsImage *out = NULL;
    if (vips_thumbnail(filename, &out, size,
            "height", size,
            "size", VIPS_SIZE_DOWN,
            "fail_on", fail_on,
            NULL) != 0) {
        return NULL;
    }
    return out;
}

/// Like cvips_thumbnail_fit, from encoded bytes in memory (which must outlive the result's evaluation).
static inline VipsImage *cvips_thumbnail_buffer_fit(const void *data, size_t length, int size, VipsFailOn fail_on) {
    VipsImage *out = NULL;
    if (vips_thumbnail_buffer((void *) data, length, &out, size,
            "height", size,
            "size", VIPS_SIZE_DOWN,
            "fail_on", fail_on,
            NULL) != 0) {
        return NULL;
    }
    return out;
}

// MARK: - Metadata

/// The names of every header field (EXIF entries, blobs, loader facts); free with g_strfreev.
static inline gchar **cvips_image_field_names(VipsImage *image) {
    return vips_image_get_fields(image);
}

// MARK: - Saving

/// Saves as JPEG with the given quality, progressive when `interlace` is non-zero; metadata (EXIF) is kept.
static inline int cvips_jpegsave(VipsImage *in, const char *filename, int quality, int interlace) {
    return vips_jpegsave(in, filename, "Q", quality, "interlace", interlace, NULL);
}

/// Saves as PNG; 16-bit interpretations are written with 16 bits per sample.
static inline int cvips_pngsave(VipsImage *in, const char *filename) {
    return vips_pngsave(in, filename, NULL);
}

/// Saves as JPEG for display: quality `quality`, metadata stripped, optimised Huffman tables.
static inline int cvips_jpegsave_stripped(VipsImage *in, const char *filename, int quality) {
    return vips_jpegsave(in, filename, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, NULL);
}

/// Saves as lossy WebP for display: quality `quality`, metadata stripped.
static inline int cvips_webpsave_stripped(VipsImage *in, const char *filename, int quality) {
    return vips_webpsave(in, filename, "Q", quality, "strip", TRUE, NULL);
}

// MARK: - Logging

/// Signature of a GLib log handler.
typedef void (*cvips_log_func)(
    const char *log_domain, GLogLevelFlags log_level, const char *message,
    void *user_data);

/// Installs a handler for every level of one GLib log domain; returns its id.
static inline unsigned int cvips_log_set_handler(
    const char *domain, cvips_log_func func, void *user_data) {
    return g_log_set_handler(domain,
        (GLogLevelFlags)(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION),
        (GLogFunc)func, user_data);
}

/// Logs `message` as a warning of the "VIPS" domain, so that it reaches the handler libvips' own warnings reach.
static inline void cvips_log_warning(const char *message) {
    g_log("VIPS", G_LOG_LEVEL_WARNING, "%s", message);
}

/// Removes a handler installed with cvips_log_set_handler.
static inline void cvips_log_remove_handler(const char *domain, unsigned int handler_id) {
    g_log_remove_handler(domain, handler_id);
}

#endif // CVIPS_SHIM_H
