import Foundation
import ViewfinderCore

/// Encodes vectors as little-endian float32 (or float16) blobs, the on-disk format of the embeddings table.
enum VectorBlob {
    /// The float32 blob for `vector`.
    static func encode(_ vector: [Float]) -> Data {
        encode(vector, precision: .float32)
    }

    /// The blob for `vector` at `precision`.
    static func encode(_ vector: [Float], precision: VectorPrecision) -> Data {
        switch precision {
        case .float32:
            var data = Data(capacity: vector.count * 4)
            for value in vector {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
            return data
        case .float16:
            var data = Data(capacity: vector.count * 2)
            for value in vector {
                withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
            return data
        }
    }

    /// The vector in `data`: float32 when it has `dims * 4` bytes, float16 when `dims * 2`; else nil.
    static func decode(_ data: Data, dims: Int) -> [Float]? {
        if data.count == dims * 4 {
            return data.withUnsafeBytes { raw in
                (0..<dims).map { index in
                    Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
                }
            }
        }
        if data.count == dims * 2 {
            return data.withUnsafeBytes { raw in
                (0..<dims).map { index in
                    Float(Float16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self))))
                }
            }
        }
        return nil
    }
}
