import CVectorKernels

/// Vectors of one model and dimension, stored as contiguous rows for fast exact scans.
///
/// A value type: copies share storage until one is changed, so a reader can keep scanning a
/// snapshot while a writer updates the index.
public struct VectorMatrix: Sendable {
    /// Components per vector.
    public let dims: Int
    /// How components are stored.
    public let precision: MatrixPrecision
    /// The id of each row, in row order.
    public private(set) var ids: [Int64] = []
    private var rowOfID: [Int64: Int] = [:]
    private var float32Rows: [Float] = []
    private var float16Rows: [UInt16] = []
    private var int8Rows: [Int8] = []
    private var int8Scales: [Float] = []

    /// Creates an empty matrix.
    public init(dims: Int, precision: MatrixPrecision = .float32) {
        precondition(dims > 0, "a vector needs at least one component")
        self.dims = dims
        self.precision = precision
    }

    /// Number of stored vectors.
    public var count: Int { ids.count }

    /// Approximate bytes held per stored vector (row, id and lookup entry).
    public var bytesPerVector: Int {
        dims * precision.bytesPerComponent + (precision == .int8 ? 4 : 0) + 8 + 24
    }

    /// Whether a vector is stored for `id`.
    public func contains(_ id: Int64) -> Bool { rowOfID[id] != nil }

    /// Stores `vector` for `id`, replacing any previous vector of that id.
    public mutating func upsert(id: Int64, vector: [Float]) {
        precondition(vector.count == dims, "vector has \(vector.count) components, the matrix \(dims)")
        let row: Int
        if let existing = rowOfID[id] {
            row = existing
        } else {
            row = ids.count
            ids.append(id)
            rowOfID[id] = row
            switch precision {
            case .float32: float32Rows.append(contentsOf: repeatElement(0, count: dims))
            case .float16: float16Rows.append(contentsOf: repeatElement(0, count: dims))
            case .int8:
                int8Rows.append(contentsOf: repeatElement(0, count: dims))
                int8Scales.append(0)
            }
        }
        write(vector, at: row)
    }

    /// Removes the vector of `id`, if any (the last row moves into its place).
    public mutating func remove(id: Int64) {
        guard let row = rowOfID.removeValue(forKey: id) else { return }
        let last = ids.count - 1
        if row != last {
            let movedID = ids[last]
            ids[row] = movedID
            rowOfID[movedID] = row
            copyRow(from: last, to: row)
        }
        ids.removeLast()
        switch precision {
        case .float32: float32Rows.removeLast(dims)
        case .float16: float16Rows.removeLast(dims)
        case .int8:
            int8Rows.removeLast(dims)
            int8Scales.removeLast()
        }
    }

    /// The stored vector of `id` (dequantised), if any.
    public func vector(for id: Int64) -> [Float]? {
        guard let row = rowOfID[id] else { return nil }
        let start = row * dims
        switch precision {
        case .float32:
            return Array(float32Rows[start..<(start + dims)])
        case .float16:
            var out = [Float](repeating: 0, count: dims)
            float16Rows.withUnsafeBufferPointer { rows in
                out.withUnsafeMutableBufferPointer { target in
                    guard let source = rows.baseAddress, let target = target.baseAddress else { return }
                    vf_f16_to_f32(source + start, target, dims)
                }
            }
            return out
        case .int8:
            let scale = int8Scales[row]
            return int8Rows[start..<(start + dims)].map { Float($0) * scale }
        }
    }

    private mutating func write(_ vector: [Float], at row: Int) {
        let start = row * dims
        switch precision {
        case .float32:
            float32Rows.replaceSubrange(start..<(start + dims), with: vector)
        case .float16:
            vector.withUnsafeBufferPointer { source in
                float16Rows.withUnsafeMutableBufferPointer { rows in
                    guard let source = source.baseAddress, let rows = rows.baseAddress else { return }
                    vf_f32_to_f16(source, rows + start, dims)
                }
            }
        case .int8:
            let largest = vector.reduce(0) { max($0, abs($1)) }
            let scale = largest > 0 ? largest / 127 : 1
            int8Scales[row] = scale
            for (offset, value) in vector.enumerated() {
                int8Rows[start + offset] = Int8(max(-127, min(127, (value / scale).rounded())))
            }
        }
    }

    private mutating func copyRow(from source: Int, to destination: Int) {
        let from = source * dims
        let to = destination * dims
        for offset in 0..<dims {
            switch precision {
            case .float32: float32Rows[to + offset] = float32Rows[from + offset]
            case .float16: float16Rows[to + offset] = float16Rows[from + offset]
            case .int8: int8Rows[to + offset] = int8Rows[from + offset]
            }
        }
        if precision == .int8 { int8Scales[destination] = int8Scales[source] }
    }

    /// Writes the scores of rows `rows` against `query` into `out[0 ..< rows.count]`.
    func score(rows: Range<Int>, query: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        guard !rows.isEmpty else { return }
        let offset = rows.lowerBound * dims
        switch precision {
        case .float32:
            float32Rows.withUnsafeBufferPointer { matrix in
                guard let matrix = matrix.baseAddress else { return }
                vf_scores_f32(matrix + offset, rows.count, dims, query, out)
            }
        case .float16:
            float16Rows.withUnsafeBufferPointer { matrix in
                guard let matrix = matrix.baseAddress else { return }
                vf_scores_f16(matrix + offset, rows.count, dims, query, out)
            }
        case .int8:
            int8Rows.withUnsafeBufferPointer { matrix in
                int8Scales.withUnsafeBufferPointer { scales in
                    guard let matrix = matrix.baseAddress, let scales = scales.baseAddress else { return }
                    vf_scores_i8(matrix + offset, scales + rows.lowerBound, rows.count, dims, query, out)
                }
            }
        }
    }

    /// The row of `id`, if stored.
    func row(of id: Int64) -> Int? { rowOfID[id] }
}
