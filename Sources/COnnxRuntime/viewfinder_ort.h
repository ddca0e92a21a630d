// Viewfinder's own declarations for the parts of the ONNX Runtime C API it calls.
//
// ONNX Runtime is not linked: the wrapper dlopens libonnxruntime.so, looks up the one
// exported entry point ("OrtGetApiBase"), asks it for a versioned function table and
// calls through that table. These declarations describe the documented layout of that
// table; they are written for Viewfinder and intentionally cover only a prefix of it.
//
// The table is append-only across ONNX Runtime releases, so a slot's position never
// changes. Every slot up to the last one we call must be declared, in order; slots we
// never call are `void *` placeholders that only keep the offsets right. The number in
// front of each slot is its zero-based index in the table.

#ifndef VIEWFINDER_ORT_H
#define VIEWFINDER_ORT_H

#include <stddef.h>
#include <stdint.h>

#pragma clang assume_nonnull begin

// Opaque handles owned by ONNX Runtime.
typedef struct VFOrtEnv VFOrtEnv;
typedef struct VFOrtStatus VFOrtStatus;
typedef struct VFOrtMemoryInfo VFOrtMemoryInfo;
typedef struct VFOrtSession VFOrtSession;
typedef struct VFOrtValue VFOrtValue;
typedef struct VFOrtRunOptions VFOrtRunOptions;
typedef struct VFOrtTypeInfo VFOrtTypeInfo;
typedef struct VFOrtTensorTypeAndShapeInfo VFOrtTensorTypeAndShapeInfo;
typedef struct VFOrtSessionOptions VFOrtSessionOptions;
typedef struct VFOrtAllocator VFOrtAllocator;
typedef struct VFOrtCUDAProviderOptionsV2 VFOrtCUDAProviderOptionsV2;

// The C API passes its enumerations by value as plain C `int`s; the Swift side
// defines the meaning of each value.
typedef int VFOrtErrorCode;             // 0 = OK, 1 = FAIL, 2 = INVALID_ARGUMENT, 3 = NO_SUCHFILE, ...
typedef int VFOrtLoggingLevel;          // 0 = verbose ... 4 = fatal
typedef int VFOrtExecutionMode;         // 0 = sequential, 1 = parallel
typedef int VFOrtGraphOptimizationLevel; // 0, 1, 2, 99
typedef int VFOrtAllocatorType;         // 0 = device, 1 = arena
typedef int VFOrtMemType;               // 0 = default
typedef int VFOrtTensorElementType;     // ONNX TensorProto data type numbers

/// The function table returned by `VFOrtApiBase.GetApi`.
typedef struct VFOrtApi {
    // Status objects.
    /*   0 */ void *_Nullable CreateStatus;
    /*   1 */ VFOrtErrorCode (*GetErrorCode)(const VFOrtStatus *status);
    /*   2 */ const char *_Nonnull (*GetErrorMessage)(const VFOrtStatus *status);

    // Environment.
    /*   3 */ VFOrtStatus *_Nullable (*CreateEnv)(VFOrtLoggingLevel level, const char *logID,
                                                 VFOrtEnv *_Nullable *out);
    /*   4 */ void *_Nullable CreateEnvWithCustomLogger;
    /*   5 */ void *_Nullable EnableTelemetryEvents;
    /*   6 */ void *_Nullable DisableTelemetryEvents;

    // Sessions.
    /*   7 */ VFOrtStatus *_Nullable (*CreateSession)(const VFOrtEnv *env, const char *modelPath,
                                                     const VFOrtSessionOptions *options,
                                                     VFOrtSession *_Nullable *out);
    /*   8 */ void *_Nullable CreateSessionFromArray;
    /*   9 */ VFOrtStatus *_Nullable (*Run)(VFOrtSession *session,
                                           const VFOrtRunOptions *_Nullable runOptions,
                                           const char *_Nonnull const *inputNames,
                                           const VFOrtValue *const _Nullable *inputs, size_t inputCount,
                                           const char *_Nonnull const *outputNames, size_t outputCount,
                                           VFOrtValue *_Nullable *outputs);

    // Session options.
    /*  10 */ VFOrtStatus *_Nullable (*CreateSessionOptions)(VFOrtSessionOptions *_Nullable *out);
    /*  11 */ void *_Nullable SetOptimizedModelFilePath;
    /*  12 */ void *_Nullable CloneSessionOptions;
    /*  13 */ VFOrtStatus *_Nullable (*SetSessionExecutionMode)(VFOrtSessionOptions *options,
                                                               VFOrtExecutionMode mode);
    /*  14 */ void *_Nullable EnableProfiling;
    /*  15 */ void *_Nullable DisableProfiling;
    /*  16 */ void *_Nullable EnableMemPattern;
    /*  17 */ void *_Nullable DisableMemPattern;
    /*  18 */ VFOrtStatus *_Nullable (*EnableCpuMemArena)(VFOrtSessionOptions *options);
    /*  19 */ VFOrtStatus *_Nullable (*DisableCpuMemArena)(VFOrtSessionOptions *options);
    /*  20 */ void *_Nullable SetSessionLogId;
    /*  21 */ void *_Nullable SetSessionLogVerbosityLevel;
    /*  22 */ void *_Nullable SetSessionLogSeverityLevel;
    /*  23 */ VFOrtStatus *_Nullable (*SetSessionGraphOptimizationLevel)(VFOrtSessionOptions *options,
                                                                        VFOrtGraphOptimizationLevel level);
    /*  24 */ VFOrtStatus *_Nullable (*SetIntraOpNumThreads)(VFOrtSessionOptions *options, int threads);
    /*  25 */ VFOrtStatus *_Nullable (*SetInterOpNumThreads)(VFOrtSessionOptions *options, int threads);

    // Custom operators (unused).
    /*  26 */ void *_Nullable CreateCustomOpDomain;
    /*  27 */ void *_Nullable CustomOpDomain_Add;
    /*  28 */ void *_Nullable AddCustomOpDomain;
    /*  29 */ void *_Nullable RegisterCustomOpsLibrary;

    // Session introspection.
    /*  30 */ VFOrtStatus *_Nullable (*SessionGetInputCount)(const VFOrtSession *session, size_t *out);
    /*  31 */ VFOrtStatus *_Nullable (*SessionGetOutputCount)(const VFOrtSession *session, size_t *out);
    /*  32 */ void *_Nullable SessionGetOverridableInitializerCount;
    /*  33 */ VFOrtStatus *_Nullable (*SessionGetInputTypeInfo)(const VFOrtSession *session, size_t index,
                                                               VFOrtTypeInfo *_Nullable *out);
    /*  34 */ VFOrtStatus *_Nullable (*SessionGetOutputTypeInfo)(const VFOrtSession *session, size_t index,
                                                                VFOrtTypeInfo *_Nullable *out);
    /*  35 */ void *_Nullable SessionGetOverridableInitializerTypeInfo;
    /*  36 */ VFOrtStatus *_Nullable (*SessionGetInputName)(const VFOrtSession *session, size_t index,
                                                           VFOrtAllocator *allocator, char *_Nullable *out);
    /*  37 */ VFOrtStatus *_Nullable (*SessionGetOutputName)(const VFOrtSession *session, size_t index,
                                                            VFOrtAllocator *allocator, char *_Nullable *out);
    /*  38 */ void *_Nullable SessionGetOverridableInitializerName;

    // Run options (unused: Run accepts NULL for defaults).
    /*  39 */ void *_Nullable CreateRunOptions;
    /*  40 */ void *_Nullable RunOptionsSetRunLogVerbosityLevel;
    /*  41 */ void *_Nullable RunOptionsSetRunLogSeverityLevel;
    /*  42 */ void *_Nullable RunOptionsSetRunTag;
    /*  43 */ void *_Nullable RunOptionsGetRunLogVerbosityLevel;
    /*  44 */ void *_Nullable RunOptionsGetRunLogSeverityLevel;
    /*  45 */ void *_Nullable RunOptionsGetRunTag;
    /*  46 */ void *_Nullable RunOptionsSetTerminate;
    /*  47 */ void *_Nullable RunOptionsUnsetTerminate;

    // Values.
    /*  48 */ void *_Nullable CreateTensorAsOrtValue;
    /*  49 */ VFOrtStatus *_Nullable (*CreateTensorWithDataAsOrtValue)(const VFOrtMemoryInfo *info,
                                                                      void *data, size_t byteCount,
                                                                      const int64_t *shape, size_t rank,
                                                                      VFOrtTensorElementType type,
                                                                      VFOrtValue *_Nullable *out);
    /*  50 */ void *_Nullable IsTensor;
    /*  51 */ VFOrtStatus *_Nullable (*GetTensorMutableData)(VFOrtValue *value, void *_Nullable *out);
    /*  52 */ void *_Nullable FillStringTensor;
    /*  53 */ void *_Nullable GetStringTensorDataLength;
    /*  54 */ void *_Nullable GetStringTensorContent;

    // Type information.
    /*  55 */ VFOrtStatus *_Nullable (*CastTypeInfoToTensorInfo)(const VFOrtTypeInfo *typeInfo,
                                                                const VFOrtTensorTypeAndShapeInfo *_Nullable *out);
    /*  56 */ void *_Nullable GetOnnxTypeFromTypeInfo;
    /*  57 */ void *_Nullable CreateTensorTypeAndShapeInfo;
    /*  58 */ void *_Nullable SetTensorElementType;
    /*  59 */ void *_Nullable SetDimensions;
    /*  60 */ VFOrtStatus *_Nullable (*GetTensorElementType)(const VFOrtTensorTypeAndShapeInfo *info,
                                                            VFOrtTensorElementType *out);
    /*  61 */ VFOrtStatus *_Nullable (*GetDimensionsCount)(const VFOrtTensorTypeAndShapeInfo *info, size_t *out);
    /*  62 */ VFOrtStatus *_Nullable (*GetDimensions)(const VFOrtTensorTypeAndShapeInfo *info,
                                                     int64_t *values, size_t count);
    /*  63 */ VFOrtStatus *_Nullable (*GetSymbolicDimensions)(const VFOrtTensorTypeAndShapeInfo *info,
                                                             const char *_Nullable *names, size_t count);
    /*  64 */ void *_Nullable GetTensorShapeElementCount;
    /*  65 */ VFOrtStatus *_Nullable (*GetTensorTypeAndShape)(const VFOrtValue *value,
                                                             VFOrtTensorTypeAndShapeInfo *_Nullable *out);
    /*  66 */ void *_Nullable GetTypeInfo;
    /*  67 */ void *_Nullable GetValueType;

    // Memory descriptions and allocators.
    /*  68 */ void *_Nullable CreateMemoryInfo;
    /*  69 */ VFOrtStatus *_Nullable (*CreateCpuMemoryInfo)(VFOrtAllocatorType type, VFOrtMemType memType,
                                                           VFOrtMemoryInfo *_Nullable *out);
    /*  70 */ void *_Nullable CompareMemoryInfo;
    /*  71 */ void *_Nullable MemoryInfoGetName;
    /*  72 */ void *_Nullable MemoryInfoGetId;
    /*  73 */ void *_Nullable MemoryInfoGetMemType;
    /*  74 */ void *_Nullable MemoryInfoGetType;
    /*  75 */ void *_Nullable AllocatorAlloc;
    /*  76 */ VFOrtStatus *_Nullable (*AllocatorFree)(VFOrtAllocator *allocator, void *_Nullable pointer);
    /*  77 */ void *_Nullable AllocatorGetInfo;
    /*  78 */ VFOrtStatus *_Nullable (*GetAllocatorWithDefaultOptions)(VFOrtAllocator *_Nullable *out);
    /*  79 */ void *_Nullable AddFreeDimensionOverride;

    // Non-tensor values (unused).
    /*  80 */ void *_Nullable GetValue;
    /*  81 */ void *_Nullable GetValueCount;
    /*  82 */ void *_Nullable CreateValue;
    /*  83 */ void *_Nullable CreateOpaqueValue;
    /*  84 */ void *_Nullable GetOpaqueValue;

    // Custom-operator kernel helpers (unused).
    /*  85 */ void *_Nullable KernelInfoGetAttribute_float;
    /*  86 */ void *_Nullable KernelInfoGetAttribute_int64;
    /*  87 */ void *_Nullable KernelInfoGetAttribute_string;
    /*  88 */ void *_Nullable KernelContext_GetInputCount;
    /*  89 */ void *_Nullable KernelContext_GetOutputCount;
    /*  90 */ void *_Nullable KernelContext_GetInput;
    /*  91 */ void *_Nullable KernelContext_GetOutput;

    // Releasing handles; each accepts NULL.
    /*  92 */ void (*ReleaseEnv)(VFOrtEnv *_Nullable env);
    /*  93 */ void (*ReleaseStatus)(VFOrtStatus *_Nullable status);
    /*  94 */ void (*ReleaseMemoryInfo)(VFOrtMemoryInfo *_Nullable info);
    /*  95 */ void (*ReleaseSession)(VFOrtSession *_Nullable session);
    /*  96 */ void (*ReleaseValue)(VFOrtValue *_Nullable value);
    /*  97 */ void *_Nullable ReleaseRunOptions;
    /*  98 */ void (*ReleaseTypeInfo)(VFOrtTypeInfo *_Nullable typeInfo);
    /*  99 */ void (*ReleaseTensorTypeAndShapeInfo)(VFOrtTensorTypeAndShapeInfo *_Nullable info);
    /* 100 */ void (*ReleaseSessionOptions)(VFOrtSessionOptions *_Nullable options);
    /* 101 */ void *_Nullable ReleaseCustomOpDomain;

    // Map / sequence type information (unused).
    /* 102 */ void *_Nullable GetDenotationFromTypeInfo;
    /* 103 */ void *_Nullable CastTypeInfoToMapTypeInfo;
    /* 104 */ void *_Nullable CastTypeInfoToSequenceTypeInfo;
    /* 105 */ void *_Nullable GetMapKeyType;
    /* 106 */ void *_Nullable GetMapValueType;
    /* 107 */ void *_Nullable GetSequenceElementType;
    /* 108 */ void *_Nullable ReleaseMapTypeInfo;
    /* 109 */ void *_Nullable ReleaseSequenceTypeInfo;

    // Profiling and model metadata (unused).
    /* 110 */ void *_Nullable SessionEndProfiling;
    /* 111 */ void *_Nullable SessionGetModelMetadata;
    /* 112 */ void *_Nullable ModelMetadataGetProducerName;
    /* 113 */ void *_Nullable ModelMetadataGetGraphName;
    /* 114 */ void *_Nullable ModelMetadataGetDomain;
    /* 115 */ void *_Nullable ModelMetadataGetDescription;
    /* 116 */ void *_Nullable ModelMetadataLookupCustomMetadataMap;
    /* 117 */ void *_Nullable ModelMetadataGetVersion;
    /* 118 */ void *_Nullable ReleaseModelMetadata;

    // Global thread pools (unused).
    /* 119 */ void *_Nullable CreateEnvWithGlobalThreadPools;
    /* 120 */ void *_Nullable DisablePerSessionThreads;
    /* 121 */ void *_Nullable CreateThreadingOptions;
    /* 122 */ void *_Nullable ReleaseThreadingOptions;
    /* 123 */ void *_Nullable ModelMetadataGetCustomMetadataMapKeys;
    /* 124 */ void *_Nullable AddFreeDimensionOverrideByName;

    // Execution providers compiled into the library.
    /* 125 */ VFOrtStatus *_Nullable (*GetAvailableProviders)(char *_Nullable *_Nullable *out, int *count);
    /* 126 */ VFOrtStatus *_Nullable (*ReleaseAvailableProviders)(char *_Nullable *_Nullable providers, int count);

    // String tensors, session config entries, allocators and I/O binding (unused).
    /* 127 */ void *_Nullable GetStringTensorElementLength;
    /* 128 */ void *_Nullable GetStringTensorElement;
    /* 129 */ void *_Nullable FillStringTensorElement;
    /* 130 */ VFOrtStatus *_Nullable (*AddSessionConfigEntry)(VFOrtSessionOptions *options, const char *key,
                                                               const char *value);
    /* 131 */ void *_Nullable CreateAllocator;
    /* 132 */ void *_Nullable ReleaseAllocator;
    /* 133 */ void *_Nullable RunWithBinding;
    /* 134 */ void *_Nullable CreateIoBinding;
    /* 135 */ void *_Nullable ReleaseIoBinding;
    /* 136 */ void *_Nullable BindInput;
    /* 137 */ void *_Nullable BindOutput;
    /* 138 */ void *_Nullable BindOutputToDevice;
    /* 139 */ void *_Nullable GetBoundOutputNames;
    /* 140 */ void *_Nullable GetBoundOutputValues;
    /* 141 */ void *_Nullable ClearBoundInputs;
    /* 142 */ void *_Nullable ClearBoundOutputs;
    /* 143 */ void *_Nullable TensorAt;
    /* 144 */ void *_Nullable CreateAndRegisterAllocator;

    // Telemetry, profiling, global thread pools and initializers (unused).
    /* 145 */ void *_Nullable SetLanguageProjection;
    /* 146 */ void *_Nullable SessionGetProfilingStartTimeNs;
    /* 147 */ void *_Nullable SetGlobalIntraOpNumThreads;
    /* 148 */ void *_Nullable SetGlobalInterOpNumThreads;
    /* 149 */ void *_Nullable SetGlobalSpinControl;
    /* 150 */ void *_Nullable AddInitializer;
    /* 151 */ void *_Nullable CreateEnvWithCustomLoggerAndGlobalThreadPools;

    // Older execution-provider entry points with public option structs, arenas, GPU ids (unused).
    /* 152 */ void *_Nullable SessionOptionsAppendExecutionProvider_CUDA;
    /* 153 */ void *_Nullable SessionOptionsAppendExecutionProvider_ROCM;
    /* 154 */ void *_Nullable SessionOptionsAppendExecutionProvider_OpenVINO;
    /* 155 */ void *_Nullable SetGlobalDenormalAsZero;
    /* 156 */ void *_Nullable CreateArenaCfg;
    /* 157 */ void *_Nullable ReleaseArenaCfg;
    /* 158 */ void *_Nullable ModelMetadataGetGraphDescription;
    /* 159 */ void *_Nullable SessionOptionsAppendExecutionProvider_TensorRT;
    /* 160 */ void *_Nullable SetCurrentGpuDeviceId;
    /* 161 */ void *_Nullable GetCurrentGpuDeviceId;
    /* 162 */ void *_Nullable KernelInfoGetAttributeArray_float;
    /* 163 */ void *_Nullable KernelInfoGetAttributeArray_int64;
    /* 164 */ void *_Nullable CreateArenaCfgV2;

    // Run config, prepacked weights, TensorRT, custom ops, allocators, sparse tensors (unused).
    /* 165 */ void *_Nullable AddRunConfigEntry;
    /* 166 */ void *_Nullable CreatePrepackedWeightsContainer;
    /* 167 */ void *_Nullable ReleasePrepackedWeightsContainer;
    /* 168 */ void *_Nullable CreateSessionWithPrepackedWeightsContainer;
    /* 169 */ void *_Nullable CreateSessionFromArrayWithPrepackedWeightsContainer;
    /* 170 */ void *_Nullable SessionOptionsAppendExecutionProvider_TensorRT_V2;
    /* 171 */ void *_Nullable CreateTensorRTProviderOptions;
    /* 172 */ void *_Nullable UpdateTensorRTProviderOptions;
    /* 173 */ void *_Nullable GetTensorRTProviderOptionsAsString;
    /* 174 */ void *_Nullable ReleaseTensorRTProviderOptions;
    /* 175 */ void *_Nullable EnableOrtCustomOps;
    /* 176 */ void *_Nullable RegisterAllocator;
    /* 177 */ void *_Nullable UnregisterAllocator;
    /* 178 */ void *_Nullable IsSparseTensor;
    /* 179 */ void *_Nullable CreateSparseTensorAsOrtValue;
    /* 180 */ void *_Nullable FillSparseTensorCoo;
    /* 181 */ void *_Nullable FillSparseTensorCsr;
    /* 182 */ void *_Nullable FillSparseTensorBlockSparse;
    /* 183 */ void *_Nullable CreateSparseTensorWithValuesAsOrtValue;
    /* 184 */ void *_Nullable UseCooIndices;
    /* 185 */ void *_Nullable UseCsrIndices;
    /* 186 */ void *_Nullable UseBlockSparseIndices;
    /* 187 */ void *_Nullable GetSparseTensorFormat;
    /* 188 */ void *_Nullable GetSparseTensorValuesTypeAndShape;
    /* 189 */ void *_Nullable GetSparseTensorValues;
    /* 190 */ void *_Nullable GetSparseTensorIndicesTypeShape;
    /* 191 */ void *_Nullable GetSparseTensorIndices;

    // Optional values, GPU streams, provider APIs and custom thread hooks (unused).
    /* 192 */ void *_Nullable HasValue;
    /* 193 */ void *_Nullable KernelContext_GetGPUComputeStream;
    /* 194 */ void *_Nullable GetTensorMemoryInfo;
    /* 195 */ void *_Nullable GetExecutionProviderApi;
    /* 196 */ void *_Nullable SessionOptionsSetCustomCreateThreadFn;
    /* 197 */ void *_Nullable SessionOptionsSetCustomThreadCreationOptions;
    /* 198 */ void *_Nullable SessionOptionsSetCustomJoinThreadFn;
    /* 199 */ void *_Nullable SetGlobalCustomCreateThreadFn;
    /* 200 */ void *_Nullable SetGlobalCustomThreadCreationOptions;
    /* 201 */ void *_Nullable SetGlobalCustomJoinThreadFn;
    /* 202 */ void *_Nullable SynchronizeBoundInputs;
    /* 203 */ void *_Nullable SynchronizeBoundOutputs;

    // CUDA execution provider with opaque, key/value options (since ONNX Runtime 1.11).
    /* 204 */ VFOrtStatus *_Nullable (*SessionOptionsAppendExecutionProvider_CUDA_V2)(
        VFOrtSessionOptions *options, const VFOrtCUDAProviderOptionsV2 *cudaOptions);
    /* 205 */ VFOrtStatus *_Nullable (*CreateCUDAProviderOptions)(VFOrtCUDAProviderOptionsV2 *_Nullable *out);
    /* 206 */ VFOrtStatus *_Nullable (*UpdateCUDAProviderOptions)(VFOrtCUDAProviderOptionsV2 *cudaOptions,
                                                                 const char *_Nonnull const *keys,
                                                                 const char *_Nonnull const *values, size_t count);
    /* 207 */ void *_Nullable GetCUDAProviderOptionsAsString;
    /* 208 */ void (*ReleaseCUDAProviderOptions)(VFOrtCUDAProviderOptionsV2 *_Nullable cudaOptions);

    // Later slots exist in the real table but are never read through this declaration.
} VFOrtApi;

/// The versioning entry point returned by the exported `OrtGetApiBase` function.
typedef struct VFOrtApiBase {
    /// Returns the function table for `version`, or NULL if the library does not provide it.
    const VFOrtApi *_Nullable (*GetApi)(uint32_t version);
    /// Returns the library's release, e.g. "1.32.0".
    const char *_Nonnull (*GetVersionString)(void);
} VFOrtApiBase;

/// The signature of the library's only exported entry point, `OrtGetApiBase`.
typedef const VFOrtApiBase *_Nullable (*VFOrtGetApiBaseFunction)(void);

#pragma clang assume_nonnull end

#endif
