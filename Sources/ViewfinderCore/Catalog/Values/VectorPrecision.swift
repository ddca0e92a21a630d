/// How embedding components are stored.
public enum VectorPrecision: String, Sendable, Equatable, CaseIterable, Codable {
    /// IEEE 754 single precision: bit-exact round trip.
    case float32
    /// IEEE 754 half precision: half the space, about three significant digits.
    case float16
}
