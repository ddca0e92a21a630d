/// A dense, row-major tensor held in Swift memory: model inputs and outputs.
public struct Tensor: Sendable, Equatable {
    /// The typed element buffer.
    public enum Storage: Sendable, Equatable {
        /// 32-bit floats.
        case float32([Float])
        /// IEEE 754 half-precision floats, as their 16-bit patterns.
        case float16([UInt16])
        /// 32-bit signed integers.
        case int32([Int32])
        /// 64-bit signed integers.
        case int64([Int64])
    }

    /// The size of each axis, outermost first.
    public let shape: [Int]
    /// The elements in row-major order.
    public let storage: Storage

    /// Creates a tensor after checking that `storage` holds exactly as many elements as `shape` describes.
    public init(shape: [Int], storage: Storage) throws(OnnxRuntimeError) {
        let expected = try Self.elementCount(of: shape)
        let actual = storage.count
        guard expected == actual else {
            throw OnnxRuntimeError(
                .invalidArgument,
                "Tensor shape \(shape) needs \(expected) elements but \(actual) were given"
            )
        }
        self.shape = shape
        self.storage = storage
    }

    /// Creates a float32 tensor.
    public init(shape: [Int], floats: [Float]) throws(OnnxRuntimeError) {
        try self.init(shape: shape, storage: .float32(floats))
    }

    /// Creates a float16 tensor by rounding `floats` to half precision (round-to-nearest-even).
    public init(shape: [Int], float16From floats: [Float]) throws(OnnxRuntimeError) {
        try self.init(shape: shape, storage: .float16(floats.map(HalfFloat.bits(from:))))
    }

    /// Creates an int32 tensor.
    public init(shape: [Int], int32s: [Int32]) throws(OnnxRuntimeError) {
        try self.init(shape: shape, storage: .int32(int32s))
    }

    /// Creates an int64 tensor.
    public init(shape: [Int], int64s: [Int64]) throws(OnnxRuntimeError) {
        try self.init(shape: shape, storage: .int64(int64s))
    }

    /// The element type of ``storage``.
    public var elementType: TensorElementType {
        switch storage {
        case .float32: .float32
        case .float16: .float16
        case .int32: .int32
        case .int64: .int64
        }
    }

    /// The number of elements (the product of ``shape``).
    public var elementCount: Int { storage.count }

    /// The product of `shape`, or an error for negative sizes or overflow.
    static func elementCount(of shape: [Int]) throws(OnnxRuntimeError) -> Int {
        var product = 1
        for size in shape {
            guard size >= 0 else {
                throw OnnxRuntimeError(.invalidArgument, "Tensor shape \(shape) has a negative dimension")
            }
            let (next, overflow) = product.multipliedReportingOverflow(by: size)
            guard !overflow else {
                throw OnnxRuntimeError(.invalidArgument, "Tensor shape \(shape) has too many elements")
            }
            product = next
        }
        return product
    }
}

extension Tensor.Storage {
    /// The number of elements held.
    public var count: Int {
        switch self {
        case .float32(let values): values.count
        case .float16(let values): values.count
        case .int32(let values): values.count
        case .int64(let values): values.count
        }
    }
}
