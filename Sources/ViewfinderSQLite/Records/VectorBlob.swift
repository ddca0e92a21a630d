import Foundation

/// Encodes vectors as little-endian float32 blobs, the on-disk format of the embeddings table.
enum VectorBlob {
    /// The blob for `vector`.
    static func encode(_ vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// The vector in `data`, or nil when its length is not `dims * 4`.
    static func decode(_ data: Data, dims: Int) -> [Float]? {
        guard data.count == dims * 4 else { return nil }
        return data.withUnsafeBytes { raw in
            (0..<dims).map { index in
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
            }
        }
    }
}
