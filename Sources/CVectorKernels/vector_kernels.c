#include "vector_kernels.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define VF_X86 1
#else
#define VF_X86 0
#endif

// ---- portable reference implementations -------------------------------------------------

static float half_to_float(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    uint32_t exponent = (h >> 10) & 0x1Fu;
    uint32_t mantissa = h & 0x3FFu;
    uint32_t bits;
    if (exponent == 0) {
        if (mantissa == 0) {
            bits = sign;
        } else {
            // Subnormal half: normalise it.
            exponent = 127 - 15 + 1;
            while ((mantissa & 0x400u) == 0) {
                mantissa <<= 1;
                exponent--;
            }
            mantissa &= 0x3FFu;
            bits = sign | (exponent << 23) | (mantissa << 13);
        }
    } else if (exponent == 0x1F) {
        bits = sign | 0x7F800000u | (mantissa << 13);
    } else {
        bits = sign | ((exponent + 127 - 15) << 23) | (mantissa << 13);
    }
    float value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

static uint16_t float_to_half(float value) {
    uint32_t bits;
    memcpy(&bits, &value, sizeof bits);
    uint32_t sign = (bits >> 16) & 0x8000u;
    int32_t exponent = (int32_t)((bits >> 23) & 0xFFu) - 127 + 15;
    uint32_t mantissa = bits & 0x7FFFFFu;
    if (((bits >> 23) & 0xFFu) == 0xFFu) {
        return (uint16_t)(sign | 0x7C00u | (mantissa ? 0x200u : 0));
    }
    if (exponent >= 0x1F) return (uint16_t)(sign | 0x7C00u);
    if (exponent <= 0) {
        if (exponent < -10) return (uint16_t)sign;
        mantissa |= 0x800000u;
        uint32_t shift = (uint32_t)(14 - exponent);
        uint32_t half = mantissa >> shift;
        uint32_t remainder = mantissa & ((1u << shift) - 1);
        uint32_t halfway = 1u << (shift - 1);
        if (remainder > halfway || (remainder == halfway && (half & 1u))) half++;
        return (uint16_t)(sign | half);
    }
    uint32_t half = sign | ((uint32_t)exponent << 10) | (mantissa >> 13);
    uint32_t remainder = mantissa & 0x1FFFu;
    if (remainder > 0x1000u || (remainder == 0x1000u && (half & 1u))) half++;
    return (uint16_t)half;
}

static void scores_f32_portable(const float *m, size_t rows, size_t dims, const float *q, float *out) {
    for (size_t r = 0; r < rows; r++) {
        const float *row = m + r * dims;
        float sum = 0;
        for (size_t i = 0; i < dims; i++) sum += row[i] * q[i];
        out[r] = sum;
    }
}

static void scores_f16_portable(const uint16_t *m, size_t rows, size_t dims, const float *q, float *out) {
    for (size_t r = 0; r < rows; r++) {
        const uint16_t *row = m + r * dims;
        float sum = 0;
        for (size_t i = 0; i < dims; i++) sum += half_to_float(row[i]) * q[i];
        out[r] = sum;
    }
}

static void scores_i8_portable(const int8_t *m, const float *s, size_t rows, size_t dims, const float *q, float *out) {
    for (size_t r = 0; r < rows; r++) {
        const int8_t *row = m + r * dims;
        float sum = 0;
        for (size_t i = 0; i < dims; i++) sum += (float)row[i] * q[i];
        out[r] = sum * s[r];
    }
}

// ---- AVX2 / FMA / F16C implementations -------------------------------------------------

#if VF_X86
#define VF_TARGET __attribute__((target("avx2,fma,f16c")))

VF_TARGET static inline float horizontal_sum(__m256 v) {
    __m128 low = _mm256_castps256_ps128(v);
    __m128 high = _mm256_extractf128_ps(v, 1);
    __m128 sum = _mm_add_ps(low, high);
    sum = _mm_hadd_ps(sum, sum);
    sum = _mm_hadd_ps(sum, sum);
    return _mm_cvtss_f32(sum);
}

VF_TARGET static void scores_f32_avx2(const float *m, size_t rows, size_t dims, const float *q, float *out) {
    size_t vector_end = dims & ~(size_t)15;
    for (size_t r = 0; r < rows; r++) {
        const float *row = m + r * dims;
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
        size_t i = 0;
        for (; i < vector_end; i += 16) {
            a0 = _mm256_fmadd_ps(_mm256_loadu_ps(row + i), _mm256_loadu_ps(q + i), a0);
            a1 = _mm256_fmadd_ps(_mm256_loadu_ps(row + i + 8), _mm256_loadu_ps(q + i + 8), a1);
        }
        float sum = horizontal_sum(_mm256_add_ps(a0, a1));
        for (; i < dims; i++) sum += row[i] * q[i];
        out[r] = sum;
    }
}

VF_TARGET static void scores_f16_avx2(const uint16_t *m, size_t rows, size_t dims, const float *q, float *out) {
    size_t vector_end = dims & ~(size_t)15;
    for (size_t r = 0; r < rows; r++) {
        const uint16_t *row = m + r * dims;
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
        size_t i = 0;
        for (; i < vector_end; i += 16) {
            __m256 v0 = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(row + i)));
            __m256 v1 = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(row + i + 8)));
            a0 = _mm256_fmadd_ps(v0, _mm256_loadu_ps(q + i), a0);
            a1 = _mm256_fmadd_ps(v1, _mm256_loadu_ps(q + i + 8), a1);
        }
        float sum = horizontal_sum(_mm256_add_ps(a0, a1));
        for (; i < dims; i++) sum += half_to_float(row[i]) * q[i];
        out[r] = sum;
    }
}

VF_TARGET static void scores_i8_avx2(const int8_t *m, const float *s, size_t rows, size_t dims, const float *q, float *out) {
    size_t vector_end = dims & ~(size_t)15;
    for (size_t r = 0; r < rows; r++) {
        const int8_t *row = m + r * dims;
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
        size_t i = 0;
        for (; i < vector_end; i += 16) {
            __m128i bytes = _mm_loadu_si128((const __m128i *)(row + i));
            __m256 v0 = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(bytes));
            __m256 v1 = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(bytes, 8)));
            a0 = _mm256_fmadd_ps(v0, _mm256_loadu_ps(q + i), a0);
            a1 = _mm256_fmadd_ps(v1, _mm256_loadu_ps(q + i + 8), a1);
        }
        float sum = horizontal_sum(_mm256_add_ps(a0, a1));
        for (; i < dims; i++) sum += (float)row[i] * q[i];
        out[r] = sum * s[r];
    }
}

static int cpu_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
}
#else
static int cpu_has_avx2(void) { return 0; }
#endif

int vf_kernels_accelerated(void) { return cpu_has_avx2(); }

void vf_scores_f32(const float *matrix, size_t rows, size_t dims, const float *query, float *out) {
#if VF_X86
    if (cpu_has_avx2()) {
        scores_f32_avx2(matrix, rows, dims, query, out);
        return;
    }
#endif
    scores_f32_portable(matrix, rows, dims, query, out);
}

void vf_scores_f16(const uint16_t *matrix, size_t rows, size_t dims, const float *query, float *out) {
#if VF_X86
    if (cpu_has_avx2()) {
        scores_f16_avx2(matrix, rows, dims, query, out);
        return;
    }
#endif
    scores_f16_portable(matrix, rows, dims, query, out);
}

void vf_scores_i8(const int8_t *matrix, const float *scales, size_t rows, size_t dims, const float *query, float *out) {
#if VF_X86
    if (cpu_has_avx2()) {
        scores_i8_avx2(matrix, scales, rows, dims, query, out);
        return;
    }
#endif
    scores_i8_portable(matrix, scales, rows, dims, query, out);
}

void vf_f32_to_f16(const float *in, uint16_t *out, size_t count) {
    for (size_t i = 0; i < count; i++) out[i] = float_to_half(in[i]);
}

void vf_f16_to_f32(const uint16_t *in, float *out, size_t count) {
    for (size_t i = 0; i < count; i++) out[i] = half_to_float(in[i]);
}
