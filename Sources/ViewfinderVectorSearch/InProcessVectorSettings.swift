public import VectorIndex

/// How the in-process vector index stores and scans vectors.
public struct InProcessVectorSettings: Sendable, Equatable {
    /// How each component is held in the scanned matrix; float16 and int8 results are re-scored in float32.
    public var precision: MatrixPrecision
    /// Threads a large scan may use.
    public var threads: Int

    /// Creates settings; by default float32 rows scanned on up to two threads.
    public init(precision: MatrixPrecision = .float32, threads: Int = 2) {
        self.precision = precision
        self.threads = max(1, threads)
    }
}
