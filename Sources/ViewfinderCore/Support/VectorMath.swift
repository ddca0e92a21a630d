/// Small vector helpers shared by embedders and the search scan.
public enum VectorMath {
    /// The dot product of two equally long vectors.
    public static func dot(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "dot product of vectors of different length")
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                var sum: Float = 0
                for i in 0..<pa.count { sum += pa[i] * pb[i] }
                return sum
            }
        }
    }

    /// `v` scaled to unit L2 length; a zero vector is returned unchanged.
    public static func normalized(_ v: [Float]) -> [Float] {
        let norm = dot(v, v).squareRoot()
        guard norm > 0, norm.isFinite else { return v }
        return v.map { $0 / norm }
    }
}
