// See cjpeg_scan_filter.h. Marker layout from ITU-T T.81 (B.1.1, B.2.3): a marker is 0xFF followed by a
// code, optionally preceded by fill bytes 0xFF; SOI, EOI, RSTn and TEM stand alone, every other marker is
// followed by a two-byte big-endian length that counts itself. Entropy-coded data follows an SOS header
// and runs until the next marker other than RSTn; a data byte 0xFF is always followed by a stuffed 0x00.
#include "cjpeg_scan_filter.h"

#include <string.h>

enum {
    MARKER_TEM = 0x01,
    MARKER_RST0 = 0xD0,
    MARKER_RST7 = 0xD7,
    MARKER_SOI = 0xD8,
    MARKER_EOI = 0xD9,
    MARKER_SOS = 0xDA,
};

static int is_standalone(unsigned char code) {
    return code == MARKER_TEM || code == MARKER_SOI || code == MARKER_EOI
        || (code >= MARKER_RST0 && code <= MARKER_RST7);
}

// The offset of the first marker after entropy-coded data starting at `start`, or `length` if the data
// runs to the end of the stream (a truncated file).
static size_t end_of_entropy_data(const unsigned char *data, size_t length, size_t start) {
    size_t at = start;
    while (at + 1 < length) {
        const unsigned char *next = memchr(data + at, 0xFF, length - at - 1);
        if (next == NULL) {
            return length;
        }
        at = (size_t) (next - data);
        unsigned char code = data[at + 1];
        if (code == 0x00 || (code >= MARKER_RST0 && code <= MARKER_RST7)) {
            at += 2;
        } else if (code == 0xFF) {
            at += 1;  // a fill byte before a marker
        } else {
            return at;
        }
    }
    return length;
}

// Whether the scan header at `header` (after its length field, `size` bytes) is an AC scan of flagged
// components only. A malformed header is kept; libjpeg reports it.
static int droppable_scan(const unsigned char *header, size_t size, const unsigned char dc_only[256]) {
    if (size < 1) {
        return 0;
    }
    size_t components = header[0];
    if (components == 0 || size < 1 + 2 * components + 3) {
        return 0;
    }
    for (size_t index = 0; index < components; index++) {
        if (!dc_only[header[1 + 2 * index]]) {
            return 0;
        }
    }
    unsigned char spectral_start = header[1 + 2 * components];
    return spectral_start > 0;
}

size_t cjpeg_drop_ac_scans(const unsigned char *data, size_t length, const unsigned char dc_only[256],
    unsigned char *out) {
    if (length < 4 || data[0] != 0xFF || data[1] != MARKER_SOI) {
        return 0;
    }
    size_t at = 0;
    size_t written = 0;
    int dropped = 0;
    while (at < length) {
        if (data[at] != 0xFF || at + 1 >= length) {
            return 0;  // not at a marker: leave the stream to libjpeg
        }
        size_t marker_start = at;
        while (at + 1 < length && data[at + 1] == 0xFF) {
            at++;  // fill bytes
        }
        if (at + 1 >= length) {
            return 0;
        }
        unsigned char code = data[at + 1];
        at += 2;
        if (code == MARKER_EOI) {
            memcpy(out + written, data + marker_start, at - marker_start);
            written += at - marker_start;
            break;  // anything after EOI is not image data
        }
        if (is_standalone(code)) {
            memcpy(out + written, data + marker_start, at - marker_start);
            written += at - marker_start;
            continue;
        }
        if (at + 2 > length) {
            return 0;
        }
        size_t segment_length = ((size_t) data[at] << 8) | data[at + 1];
        if (segment_length < 2 || at + segment_length > length) {
            return 0;
        }
        size_t segment_end = at + segment_length;
        int keep = 1;
        if (code == MARKER_SOS) {
            keep = !droppable_scan(data + at + 2, segment_length - 2, dc_only);
            segment_end = end_of_entropy_data(data, length, segment_end);
        }
        if (keep) {
            memcpy(out + written, data + marker_start, segment_end - marker_start);
            written += segment_end - marker_start;
        } else {
            dropped = 1;
        }
        at = segment_end;
    }
    return dropped ? written : 0;
}
