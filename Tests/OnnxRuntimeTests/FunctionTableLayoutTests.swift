import COnnxRuntime
import Testing

/// Our hand-written `VFOrtApi` must put every slot at the index ONNX Runtime's table uses.
@Suite("OrtApi table layout")
struct FunctionTableLayoutTests {
    /// The slot index of a field: its byte offset divided by the pointer size.
    private static func index(_ field: PartialKeyPath<VFOrtApi>) -> Int? {
        MemoryLayout<VFOrtApi>.offset(of: field).map { $0 / MemoryLayout<UnsafeRawPointer>.size }
    }

    @Test("the table declares slots 0 through 208, one pointer each")
    func size() {
        #expect(MemoryLayout<VFOrtApi>.size == 209 * MemoryLayout<UnsafeRawPointer>.size)
    }

    @Test("ONNX Runtime's own version anchors are at their documented indices")
    func versionAnchors() {
        // The ends of C API versions 1 to 4, which ONNX Runtime pins with static_asserts.
        #expect(Self.index(\VFOrtApi.ReleaseCustomOpDomain) == 101)
        #expect(Self.index(\VFOrtApi.ReleaseModelMetadata) == 118)
        #expect(Self.index(\VFOrtApi.AddFreeDimensionOverrideByName) == 124)
        #expect(Self.index(\VFOrtApi.ReleaseAvailableProviders) == 126)
        // Placeholders of later versions, counted in the documented header.
        #expect(Self.index(\VFOrtApi.AddSessionConfigEntry) == 130)
        #expect(Self.index(\VFOrtApi.SessionOptionsAppendExecutionProvider_CUDA) == 152)
        #expect(Self.index(\VFOrtApi.SynchronizeBoundOutputs) == 203)
    }

    @Test("every function the binding calls is at its documented index")
    func calledSlots() {
        let expected: [(PartialKeyPath<VFOrtApi>, Int)] = [
            (\.GetErrorCode, 1), (\.GetErrorMessage, 2), (\.CreateEnv, 3),
            (\.CreateSession, 7), (\.Run, 9), (\.CreateSessionOptions, 10), (\.SetSessionExecutionMode, 13),
            (\.EnableCpuMemArena, 18), (\.DisableCpuMemArena, 19), (\.SetSessionGraphOptimizationLevel, 23),
            (\.SetIntraOpNumThreads, 24), (\.SetInterOpNumThreads, 25), (\.SessionGetInputCount, 30),
            (\.SessionGetOutputCount, 31), (\.SessionGetInputTypeInfo, 33), (\.SessionGetOutputTypeInfo, 34),
            (\.SessionGetInputName, 36), (\.SessionGetOutputName, 37), (\.CreateTensorWithDataAsOrtValue, 49),
            (\.GetTensorMutableData, 51), (\.CastTypeInfoToTensorInfo, 55), (\.GetTensorElementType, 60),
            (\.GetDimensionsCount, 61), (\.GetDimensions, 62), (\.GetSymbolicDimensions, 63),
            (\.GetTensorTypeAndShape, 65), (\.CreateCpuMemoryInfo, 69),
            (\.AllocatorFree, 76), (\.GetAllocatorWithDefaultOptions, 78), (\.ReleaseEnv, 92),
            (\.ReleaseStatus, 93), (\.ReleaseMemoryInfo, 94), (\.ReleaseSession, 95), (\.ReleaseValue, 96),
            (\.ReleaseTypeInfo, 98), (\.ReleaseTensorTypeAndShapeInfo, 99), (\.ReleaseSessionOptions, 100),
            (\.GetAvailableProviders, 125), (\.ReleaseAvailableProviders, 126),
            (\.SessionOptionsAppendExecutionProvider_CUDA_V2, 204), (\.CreateCUDAProviderOptions, 205),
            (\.UpdateCUDAProviderOptions, 206), (\.ReleaseCUDAProviderOptions, 208),
        ]
        for (field, index) in expected {
            #expect(Self.index(field) == index, "\(field) should be slot \(index)")
        }
    }
}
