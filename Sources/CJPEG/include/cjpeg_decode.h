// A fast, reduced-precision JPEG decoder for model inputs, over libjpeg(-turbo).
//
// Swift cannot survive libjpeg's error handling (it longjmps out of the failing
// call), so the whole decode lives in one C function that catches every error
// itself and reports it through a status code and a message. No libjpeg type
// crosses this header.
#ifndef CJPEG_DECODE_H
#define CJPEG_DECODE_H

#include <stddef.h>

/// How a decode ended.
typedef enum {
    /// Pixels (and the ICC profile, if any) were returned.
    CJPEG_OK = 0,
    /// The file could not be opened or read; `error_number` holds errno (never from cjpeg_decode_memory).
    CJPEG_UNREADABLE = 1,
    /// The file is stored as CMYK or YCCK (or another colour space this decoder leaves to libvips).
    CJPEG_UNSUPPORTED_COLOURS = 2,
    /// libjpeg gave up: not a JPEG, or a damaged one; `message` says why.
    CJPEG_CORRUPT = 3,
    /// The data ended early and truncated files were to be refused; `message` says so.
    CJPEG_TRUNCATED = 4,
    /// The header declares more pixels than allowed.
    CJPEG_TOO_LARGE = 5,
    /// Memory for the pixels could not be allocated.
    CJPEG_OUT_OF_MEMORY = 6,
} cjpeg_status;

/// Options for one decode.
typedef struct {
    /// Decode at 1/scale_denom of the stored size: 1, 2, 4 or 8 (libjpeg's DCT scaling).
    int scale_denom;
    /// Use the fast integer DCT and no fancy (smoothing) chroma upsampling instead of the accurate DCT and
    /// interpolated chroma. Cheaper at 1:1; at 1/4 and 1/8 libjpeg-turbo's scaled IDCTs give the same pixels.
    int reduced_precision;
    /// Refuse files whose entropy-coded data ends before the end of the image.
    int reject_truncated;
    /// Refuse files whose header declares more than this many pixels (width × height, before scaling).
    long long max_pixels;
} cjpeg_options;

/// The outcome of one decode. Buffers are allocated with malloc; the caller frees them with free().
typedef struct {
    /// Interleaved 8-bit RGB, `width` × `height` × 3 bytes, rows top to bottom; NULL on failure.
    unsigned char *pixels;
    /// Width of `pixels`, after scaling.
    int width;
    /// Height of `pixels`, after scaling.
    int height;
    /// Whether the file stored greyscale (the pixels are still RGB, with equal bands).
    int grayscale;
    /// The embedded ICC profile (reassembled from its APP2 markers), or NULL.
    unsigned char *icc_profile;
    /// Length of `icc_profile` in bytes.
    unsigned int icc_profile_length;
    /// errno for CJPEG_UNREADABLE, otherwise 0.
    int error_number;
    /// libjpeg's message for a failure, NUL-terminated; empty on success.
    char message[200];
    /// How many warnings libjpeg gave (corrupt data, or end of data while truncated files are allowed).
    int warnings;
    /// The first warning, NUL-terminated; empty when there was none.
    char first_warning[200];
} cjpeg_result;

/// Decodes the JPEG file at `path` to RGB, shrinking by `options->scale_denom` while decoding,
/// optionally at reduced precision (`options->reduced_precision`).
///
/// Never longjmps or writes to stderr. On any status but CJPEG_OK, `result->pixels` and
/// `result->icc_profile` are NULL.
cjpeg_status cjpeg_decode_file(const char *path, const cjpeg_options *options, cjpeg_result *result);

/// Decodes the JPEG stream in `data` (`length` bytes, which stay the caller's and are only read) like
/// cjpeg_decode_file: same options, statuses, warnings and truncation rules, through libjpeg's memory source.
cjpeg_status cjpeg_decode_memory(
    const unsigned char *data, size_t length, const cjpeg_options *options, cjpeg_result *result);

/// Lets glibc's malloc keep up to `bytes` of freed memory per arena and serve blocks up to 32 MiB from its
/// heaps, so that libjpeg's large per-picture buffers are reused instead of mapped (and page-faulted) anew
/// for every picture. Process-wide. Returns 0 on success, -1 where the C library has no such settings.
int cjpeg_retain_freed_memory(long long bytes);

#endif // CJPEG_DECODE_H
