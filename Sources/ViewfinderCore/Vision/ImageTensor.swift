/// One preprocessed picture: planar RGB float32 (CHW), ready to be batched into NCHW.
public struct ImageTensor: Sendable, Equatable {
    /// Side length of the square tensor.
    public let size: Int
    /// `3 * size * size` values, channel-major (all R, then all G, then all B).
    public let values: [Float]

    /// Wraps `values`; the caller guarantees `values.count == 3 * size * size`.
    public init(size: Int, values: [Float]) {
        precondition(values.count == 3 * size * size, "tensor values do not match its size")
        self.size = size
        self.values = values
    }
}
