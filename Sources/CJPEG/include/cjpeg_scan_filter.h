// Dropping the progressive scans a scaled decode never reads; public so its tests can reach it.
#ifndef CJPEG_SCAN_FILTER_H
#define CJPEG_SCAN_FILTER_H

#include <stddef.h>

/// Copies the JPEG stream `data` into `out` (at least `length` bytes) without the progressive AC scans
/// (spectral start > 0) whose components are all flagged in `dc_only` (indexed by component id, 0–255).
///
/// Returns the length written, or 0 when nothing was dropped or the marker structure is not understood;
/// the caller then decodes the original stream, and libjpeg judges it.
size_t cjpeg_drop_ac_scans(const unsigned char *data, size_t length, const unsigned char dc_only[256],
    unsigned char *out);

#endif
