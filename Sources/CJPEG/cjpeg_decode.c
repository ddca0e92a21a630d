// See include/cjpeg_decode.h. Written against libjpeg's documented API (libjpeg.txt, jpeglib.h).
#include "cjpeg_decode.h"

#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <jpeglib.h>
#include <jerror.h>

#include "cjpeg_scan_filter.h"

// Where the stream comes from (an open file, or the caller's bytes) and, for a progressive JPEG at 1/8, the
// file's bytes and their reduced copy; what is owned here is released on every way out.
typedef struct {
    FILE *file;
    const unsigned char *memory;
    size_t memory_length;
    unsigned char *data;
    size_t length;
    unsigned char *filtered;
} cjpeg_buffers;

// libjpeg's error manager, extended with where to jump back to and what to report.
typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    int reject_truncated;
    cjpeg_status status;
    cjpeg_result *result;
    cjpeg_buffers *buffers;
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

// Releases the decompressor, the file and its bytes (never the caller's memory).
static void cjpeg_finish(struct jpeg_decompress_struct *cinfo, cjpeg_buffers *buffers) {
    jpeg_destroy_decompress(cinfo);
    if (buffers->file != NULL) {
        fclose(buffers->file);
        buffers->file = NULL;
    }
    free(buffers->data);
    buffers->data = NULL;
    free(buffers->filtered);
    buffers->filtered = NULL;
}

// Allocates the output and reads every scanline into it, 16 rows per call.
static cjpeg_status cjpeg_read_pixels(struct jpeg_decompress_struct *cinfo, cjpeg_result *result) {
    if (cinfo->output_components != 3 || cinfo->output_width == 0 || cinfo->output_height == 0
        || cinfo->output_width > INT_MAX / 3 || cinfo->output_height > INT_MAX) {
        snprintf(result->message, sizeof result->message, "unexpected output %ux%u with %d components",
            cinfo->output_width, cinfo->output_height, cinfo->output_components);
        return CJPEG_CORRUPT;
    }
    size_t stride = (size_t) cinfo->output_width * 3;
    if (cinfo->output_height > SIZE_MAX / stride) {
        return CJPEG_OUT_OF_MEMORY;
    }
    result->pixels = malloc(stride * cinfo->output_height);
    if (result->pixels == NULL) {
        snprintf(result->message, sizeof result->message, "no memory for %ux%u pixels",
            cinfo->output_width, cinfo->output_height);
        return CJPEG_OUT_OF_MEMORY;
    }
    result->width = (int) cinfo->output_width;
    result->height = (int) cinfo->output_height;
    while (cinfo->output_scanline < cinfo->output_height) {
        JSAMPROW rows[16];
        JDIMENSION want = cinfo->output_height - cinfo->output_scanline;
        if (want > 16) {
            want = 16;
        }
        for (JDIMENSION row = 0; row < want; row++) {
            rows[row] = result->pixels + (size_t) (cinfo->output_scanline + row) * stride;
        }
        if (jpeg_read_scanlines(cinfo, rows, want) == 0) {
            // Only a suspending data source returns no rows; the memory source never does.
            snprintf(result->message, sizeof result->message, "libjpeg returned no rows");
            return CJPEG_CORRUPT;
        }
    }
    return CJPEG_OK;
}

// Files above this size are decoded as they stream, without dropping scans: reading them whole would hold
// that much memory per decoding thread.
#define CJPEG_MAX_FILTERED_FILE (256u * 1024u * 1024u)

// Reads the whole open file into `buffers->data`, with room for its reduced copy in `buffers->filtered`.
// Returns 1 when it did; 0 when it did not start (too large, no memory), leaving the file where libjpeg's
// source has it; -1 when a read failed after rewinding, so that the caller must restart from the beginning.
static int cjpeg_read_whole(cjpeg_buffers *buffers) {
    struct stat status;
    if (fstat(fileno(buffers->file), &status) != 0 || status.st_size <= 0
        || (unsigned long long) status.st_size > CJPEG_MAX_FILTERED_FILE) {
        return 0;
    }
    size_t size = (size_t) status.st_size;
    buffers->data = malloc(size);
    buffers->filtered = malloc(size);
    if (buffers->data == NULL || buffers->filtered == NULL) {
        return 0;
    }
    if (fseek(buffers->file, 0, SEEK_SET) != 0) {
        return -1;
    }
    // A file that shrank meanwhile is filtered as far as it goes (libjpeg then warns of the early end).
    buffers->length = fread(buffers->data, 1, size, buffers->file);
    return buffers->length > 0 && !ferror(buffers->file) ? 1 : -1;
}

// The memory source's counterpart of cjpeg_read_whole: the bytes are there already, only room for their
// reduced copy is needed. Returns 1 when there is, 0 when the stream is too large or memory is short.
static int cjpeg_room_for_filtered(cjpeg_buffers *buffers) {
    if (buffers->memory_length == 0 || buffers->memory_length > CJPEG_MAX_FILTERED_FILE) {
        return 0;
    }
    buffers->filtered = malloc(buffers->memory_length);
    return buffers->filtered != NULL ? 1 : 0;
}

// Points libjpeg at the stream: the caller's bytes, or the open file where it stands.
static void cjpeg_attach_source(struct jpeg_decompress_struct *cinfo, const cjpeg_buffers *buffers) {
    if (buffers->memory != NULL) {
        jpeg_mem_src(cinfo, buffers->memory, (unsigned long) buffers->memory_length);
    } else {
        jpeg_stdio_src(cinfo, buffers->file);
    }
}

// For a progressive JPEG decoded at 1/8, libjpeg-turbo reconstructs every component whose IDCT is 1×1 from
// its DC coefficient alone (jpeg_idct_1x1), yet would entropy-decode all its AC scans, most of the file.
// Flags those components so their AC scans can be dropped before decoding; the pixels are the same.
// Chroma stored at half resolution gets a 2×2 IDCT (libjpeg scales it up in the IDCT), which reads AC
// coefficients, so its scans stay. Returns whether any component can be flagged.
static int cjpeg_dc_only_components(struct jpeg_decompress_struct *cinfo, unsigned char dc_only[256]) {
    if (!cinfo->progressive_mode || cinfo->scale_denom != 8) {
        return 0;
    }
    jpeg_calc_output_dimensions(cinfo);
    memset(dc_only, 0, 256);
    int any = 0;
    for (int index = 0; index < cinfo->num_components; index++) {
        jpeg_component_info *component = &cinfo->comp_info[index];
        if (component->DCT_scaled_size == 1) {
            dc_only[component->component_id & 0xFF] = 1;
            any = 1;
        }
    }
    return any;
}

// The decode shared by both sources; `buffers` holds the open file or the caller's bytes.
static cjpeg_status cjpeg_decode(cjpeg_buffers *buffers, const cjpeg_options *options, cjpeg_result *result) {
    int denom = options->scale_denom;
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
    errors.buffers = buffers;

    if (setjmp(errors.jump) != 0) {
        cjpeg_status failed = errors.status;
        cjpeg_finish(&cinfo, errors.buffers);
        cjpeg_release(result);
        return failed;
    }

    jpeg_create_decompress(&cinfo);
    cjpeg_attach_source(&cinfo, buffers);
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
        cjpeg_finish(&cinfo, buffers);
        return early;
    }
    cinfo.scale_num = 1;
    cinfo.scale_denom = (unsigned int) denom;

    unsigned char dc_only[256];
    int whole = 0;
    if (cjpeg_dc_only_components(&cinfo, dc_only)) {
        whole = buffers->memory != NULL ? cjpeg_room_for_filtered(buffers) : cjpeg_read_whole(buffers);
    }
    const unsigned char *stream = buffers->memory != NULL ? buffers->memory : buffers->data;
    size_t stream_length = buffers->memory != NULL ? buffers->memory_length : buffers->length;
    size_t kept = whole == 1 ? cjpeg_drop_ac_scans(stream, stream_length, dc_only, buffers->filtered) : 0;
    if (whole != 0) {
        // Start again with a fresh decompressor (a source cannot change type): on the reduced stream, or,
        // when nothing was dropped or the read failed, on the file from its beginning.
        jpeg_destroy_decompress(&cinfo);
        jpeg_create_decompress(&cinfo);
        if (kept > 0) {
            jpeg_mem_src(&cinfo, buffers->filtered, (unsigned long) kept);
        } else if (buffers->memory != NULL) {
            cjpeg_attach_source(&cinfo, buffers);
        } else if (fseek(buffers->file, 0, SEEK_SET) == 0) {
            clearerr(buffers->file);
            jpeg_stdio_src(&cinfo, buffers->file);
        } else {
            snprintf(result->message, sizeof result->message, "the file cannot be read again");
            cjpeg_finish(&cinfo, buffers);
            return CJPEG_UNREADABLE;
        }
        jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);
        jpeg_read_header(&cinfo, TRUE);
        cinfo.scale_num = 1;
        cinfo.scale_denom = (unsigned int) denom;
        if (kept > 0) {
            // With the AC scans gone, block smoothing would see them as "not yet received" and estimate
            // them; the full file never smooths, and the 1×1 IDCT ignores AC anyway.
            cinfo.do_block_smoothing = FALSE;
        }
    }

    JOCTET *icc = NULL;
    unsigned int icc_length = 0;
    if (!result->grayscale && jpeg_read_icc_profile(&cinfo, &icc, &icc_length)) {
        result->icc_profile = icc;
        result->icc_profile_length = icc_length;
    }

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

    cjpeg_status decoded = cjpeg_read_pixels(&cinfo, result);
    if (decoded != CJPEG_OK) {
        cjpeg_finish(&cinfo, buffers);
        cjpeg_release(result);
        return decoded;
    }
    jpeg_finish_decompress(&cinfo);
    cjpeg_finish(&cinfo, buffers);
    return CJPEG_OK;
}

// Refuses a scale libjpeg cannot decode at, before anything is opened.
static int cjpeg_valid_scale(const cjpeg_options *options, cjpeg_result *result) {
    int denom = options->scale_denom;
    if (denom != 1 && denom != 2 && denom != 4 && denom != 8) {
        snprintf(result->message, sizeof result->message, "unsupported scale 1/%d", denom);
        return 0;
    }
    return 1;
}

cjpeg_status cjpeg_decode_file(const char *path, const cjpeg_options *options, cjpeg_result *result) {
    memset(result, 0, sizeof *result);
    if (!cjpeg_valid_scale(options, result)) {
        return CJPEG_CORRUPT;
    }
    cjpeg_buffers buffers = { NULL, NULL, 0, NULL, 0, NULL };
    buffers.file = fopen(path, "rb");
    if (buffers.file == NULL) {
        result->error_number = errno;
        snprintf(result->message, sizeof result->message, "%s", strerror(errno));
        return CJPEG_UNREADABLE;
    }
    return cjpeg_decode(&buffers, options, result);
}

cjpeg_status cjpeg_decode_memory(
    const unsigned char *data, size_t length, const cjpeg_options *options, cjpeg_result *result) {
    memset(result, 0, sizeof *result);
    if (!cjpeg_valid_scale(options, result)) {
        return CJPEG_CORRUPT;
    }
    if (data == NULL || length == 0) {
        snprintf(result->message, sizeof result->message, "no data");
        return CJPEG_CORRUPT;
    }
    cjpeg_buffers buffers = { NULL, data, length, NULL, 0, NULL };
    return cjpeg_decode(&buffers, options, result);
}

int cjpeg_retain_freed_memory(long long bytes) {
#if defined(__GLIBC__)
    if (bytes <= 0 || bytes > INT_MAX) {
        return -1;
    }
    // 32 MiB is the largest mmap threshold glibc accepts on 64-bit systems. The trim threshold alone did
    // not keep the memory of a thread's arena (measured: every decode still faulted its buffers in); a top
    // pad does, as a heap then grows and shrinks in steps of that size.
    if (mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024) != 1 || mallopt(M_TRIM_THRESHOLD, (int) bytes) != 1
        || mallopt(M_TOP_PAD, (int) (bytes / 2)) != 1) {
        return -1;
    }
    return 0;
#else
    (void) bytes;
    return -1;
#endif
}
