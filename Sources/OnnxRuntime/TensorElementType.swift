/// The element type of a tensor, numbered as ONNX's `TensorProto.DataType`.
public enum TensorElementType: Int32, Sendable, CaseIterable, CustomStringConvertible {
    /// Unknown or not a tensor.
    case undefined = 0
    /// 32-bit IEEE float.
    case float32 = 1
    /// Unsigned 8-bit integer.
    case uint8 = 2
    /// Signed 8-bit integer.
    case int8 = 3
    /// Unsigned 16-bit integer.
    case uint16 = 4
    /// Signed 16-bit integer.
    case int16 = 5
    /// Signed 32-bit integer.
    case int32 = 6
    /// Signed 64-bit integer.
    case int64 = 7
    /// Variable-length string.
    case string = 8
    /// Boolean.
    case bool = 9
    /// 16-bit IEEE half-precision float.
    case float16 = 10
    /// 64-bit IEEE float.
    case double = 11
    /// Unsigned 32-bit integer.
    case uint32 = 12
    /// Unsigned 64-bit integer.
    case uint64 = 13
    /// Complex number of two 32-bit floats.
    case complex64 = 14
    /// Complex number of two 64-bit floats.
    case complex128 = 15
    /// Brain floating point (16-bit, float32 exponent range).
    case bfloat16 = 16

    /// The type for ONNX Runtime's numeric value; types newer than this list map to ``undefined``.
    init(ortValue: Int32) {
        self = TensorElementType(rawValue: ortValue) ?? .undefined
    }

    /// The lowercase ONNX-style name, e.g. "float32".
    public var description: String {
        switch self {
        case .undefined: "undefined"
        case .float32: "float32"
        case .uint8: "uint8"
        case .int8: "int8"
        case .uint16: "uint16"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .string: "string"
        case .bool: "bool"
        case .float16: "float16"
        case .double: "double"
        case .uint32: "uint32"
        case .uint64: "uint64"
        case .complex64: "complex64"
        case .complex128: "complex128"
        case .bfloat16: "bfloat16"
        }
    }
}
