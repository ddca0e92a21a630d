/// How the index stores each component of a vector.
public enum MatrixPrecision: String, Sendable, Hashable, CaseIterable, Codable {
    /// 4 bytes per component: exact.
    case float32
    /// 2 bytes per component: half the memory traffic, about 3 decimal digits.
    case float16
    /// 1 byte per component plus one scale per row: a quarter of the memory, approximate.
    case int8

    /// Bytes one component takes in the matrix.
    public var bytesPerComponent: Int {
        switch self {
        case .float32: 4
        case .float16: 2
        case .int8: 1
        }
    }
}
