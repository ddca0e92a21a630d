// See include/cjpeg_decode.h. Written against libjpeg's documented API (libjpeg.txt, jpeglib.h).
#include "cjpeg_decode.h"

#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

// libjpeg's error manager, extended with where to jump back to and what to report.
typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    int reject_truncated;
    cjpeg_status status;
    cjpeg_result *result;
} cjpeg_errors;

static void cjpeg_record_message(j_common_ptr cinfo, cjpeg_result *result) {
    char buffer[JMSG_LENGTH_MAX];
    cinfo->err->format_message(cinfo, buffer);
    snprintf(result->message, sizeof result->message, "%s", buffer);
}

// Fatal errors: leave libjpeg through the jump buffer; the caller cleans up.
static void cjpeg_error_exit(j_common_ptr cinfo) {
    cjpeg_errors *errors = (cjpeg_errors *) cinfo->err;
    cjpeg_record_message(cinfo, errors->result);
    errors->status = CJPEG_CORRUPT;
    longjmp(errors->jump, 1);
}

// Warnings (level < 0) and trace messages (level >= 0). Nothing is printed. Corrupt entropy
// data only warns, and the picture is decoded as far as possible (as Pillow and libvips do);
// premature end of data is a failure when truncated files are refused.
static void cjpeg_emit_message(j_common_ptr cinfo, int msg_level) {
    cjpeg_errors *errors = (cjpeg_errors *) cinfo->err;
    if (msg_level >= 0) {
        return;
    }
    cinfo->err->num_warnings++;
    errors->result->warnings++;
    if (errors->result->warnings == 1) {
        char buffer[JMSG_LENGTH_MAX];
        cinfo->err->format_message(cinfo, buffer);
        snprintf(errors->result->first_warning, sizeof errors->result->first_warning, "%s", buffer);
    }
    if (cinfo->err->msg_code == JWRN_JPEG_EOF && errors->reject_truncated) {
        cjpeg_record_message(cinfo, errors->result);
        errors->status = CJPEG_TRUNCATED;
        longjmp(errors->jump, 1);
    }
}

static void cjpeg_output_message(j_common_ptr cinfo) {
    (void) cinfo;
}

// Everything after setjmp that the error path must see lives behind pointers (the result and
// the error manager), never in locals changed after setjmp, so longjmp cannot lose it.
static void cjpeg_release(cjpeg_result *result) {
    free(result->pixels);
    result->pixels = NULL;
    free(result->icc_profile);
    result->icc_profile = NULL;
    result->icc_profile_length = 0;
    result->width = 0;
    result->height = 0;
}

cjpeg_status cjpeg_decode_file(const char *path, const cjpeg_options *options, cjpeg_result *result) {
    memset(result, 0, sizeof *result);
    int denom = options->scale_denom;
    if (denom != 1 && denom != 2 && denom != 4 && denom != 8) {
        snprintf(result->message, sizeof result->message, "unsupported scale 1/%d", denom);
        return CJPEG_CORRUPT;
    }
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        result->error_number = errno;
        snprintf(result->message, sizeof result->message, "%s", strerror(errno));
        return CJPEG_UNREADABLE;
    }

    struct jpeg_decompress_struct cinfo;
    cjpeg_errors errors;
    memset(&errors, 0, sizeof errors);
    cinfo.err = jpeg_std_error(&errors.pub);
    errors.pub.error_exit = cjpeg_error_exit;
    errors.pub.emit_message = cjpeg_emit_message;
    errors.pub.output_message = cjpeg_output_message;
    errors.reject_truncated = options->reject_truncated;
    errors.status = CJPEG_OK;
    errors.result = result;

    if (setjmp(errors.jump) != 0) {
        cjpeg_status failed = errors.status;
        jpeg_destroy_decompress(&cinfo);
        fclose(file);
        cjpeg_release(result);
        return failed;
    }

    jpeg_create_decompress(&cinfo);
    jpeg_stdio_src(&cinfo, file);
    jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);

    cjpeg_status early = CJPEG_OK;
    switch (cinfo.jpeg_color_space) {
    case JCS_GRAYSCALE:
        result->grayscale = 1;
        break;
    case JCS_YCbCr:
    case JCS_RGB:
        break;
    default:
        early = CJPEG_UNSUPPORTED_COLOURS;
        snprintf(result->message, sizeof result->message, "colour space %d is left to libvips",
            (int) cinfo.jpeg_color_space);
        break;
    }
    if (early == CJPEG_OK && options->max_pixels > 0
        && (long long) cinfo.image_width * (long long) cinfo.image_height > options->max_pixels) {
        early = CJPEG_TOO_LARGE;
        snprintf(result->message, sizeof result->message, "%ux%u pixels is above the limit",
            cinfo.image_width, cinfo.image_height);
    }
    if (early != CJPEG_OK) {
        jpeg_destroy_decompress(&cinfo);
        fclose(file);
        return early;
    }

    JOCTET *icc = NULL;
    unsigned int icc_length = 0;
    if (!result->grayscale && jpeg_read_icc_profile(&cinfo, &icc, &icc_length)) {
        result->icc_profile = icc;
        result->icc_profile_length = icc_length;
    }

    cinfo.scale_num = 1;
    cinfo.scale_denom = (unsigned int) denom;
    if (options->reduced_precision) {
        // A draft decode: the fast integer DCT, and chroma replicated instead of interpolated.
        cinfo.dct_method = JDCT_IFAST;
        cinfo.do_fancy_upsampling = FALSE;
    } else {
        cinfo.dct_method = JDCT_ISLOW;
        cinfo.do_fancy_upsampling = TRUE;
    }
    cinfo.out_color_space = JCS_RGB;
    jpeg_start_decompress(&cinfo);

    if (cinfo.output_components != 3 || cinfo.output_width == 0 || cinfo.output_height == 0
        || cinfo.output_width > INT_MAX / 3 || cinfo.output_height > INT_MAX) {
        snprintf(result->message, sizeof result->message, "unexpected output %ux%u with %d components",
            cinfo.output_width, cinfo.output_height, cinfo.output_components);
        jpeg_destroy_decompress(&cinfo);
        fclose(file);
        cjpeg_release(result);
        return CJPEG_CORRUPT;
    }
    size_t stride = (size_t) cinfo.output_width * 3;
    if (cinfo.output_height > SIZE_MAX / stride) {
        jpeg_destroy_decompress(&cinfo);
        fclose(file);
        cjpeg_release(result);
        return CJPEG_OUT_OF_MEMORY;
    }
    result->pixels = malloc(stride * cinfo.output_height);
    if (result->pixels == NULL) {
        snprintf(result->message, sizeof result->message, "no memory for %ux%u pixels",
            cinfo.output_width, cinfo.output_height);
        jpeg_destroy_decompress(&cinfo);
        fclose(file);
        cjpeg_release(result);
        return CJPEG_OUT_OF_MEMORY;
    }
    result->width = (int) cinfo.output_width;
    result->height = (int) cinfo.output_height;

    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW rows[16];
        JDIMENSION want = cinfo.output_height - cinfo.output_scanline;
        if (want > 16) {
            want = 16;
        }
        for (JDIMENSION row = 0; row < want; row++) {
            rows[row] = result->pixels + (size_t) (cinfo.output_scanline + row) * stride;
        }
        if (jpeg_read_scanlines(&cinfo, rows, want) == 0) {
            // Only a suspending data source returns no rows; the stdio source never does.
            snprintf(result->message, sizeof result->message, "libjpeg returned no rows");
            jpeg_destroy_decompress(&cinfo);
            fclose(file);
            cjpeg_release(result);
            return CJPEG_CORRUPT;
        }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    fclose(file);
    return CJPEG_OK;
}
