// Dot-product kernels for the in-process vector index: one query against many contiguous rows.
// Each entry point picks an AVX2/FMA/F16C implementation at run time when the CPU has one.
#ifndef VIEWFINDER_VECTOR_KERNELS_H
#define VIEWFINDER_VECTOR_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// out[r] = dot(matrix[r * dims ..< (r + 1) * dims], query) for r in 0 ..< rows (float32 rows).
void vf_scores_f32(const float *matrix, size_t rows, size_t dims, const float *query, float *out);

/// Same, with IEEE half-precision rows (stored as raw 16-bit patterns).
void vf_scores_f16(const uint16_t *matrix, size_t rows, size_t dims, const float *query, float *out);

/// Same, with int8 rows and one float scale per row: value = scales[r] * matrix[r * dims + i].
void vf_scores_i8(const int8_t *matrix, const float *scales, size_t rows, size_t dims, const float *query, float *out);

/// Converts float32 values to IEEE half-precision bit patterns (round to nearest even).
void vf_f32_to_f16(const float *in, uint16_t *out, size_t count);

/// Converts IEEE half-precision bit patterns to float32 values.
void vf_f16_to_f32(const uint16_t *in, float *out, size_t count);

/// 1 when the accelerated (AVX2 + FMA + F16C) kernels are in use, else 0.
int vf_kernels_accelerated(void);

#endif
