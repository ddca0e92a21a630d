import Foundation
import ViewfinderCore

/// One (model, dims) pair and the table that holds its vectors.
struct MariaDBSpace: Sendable, Equatable {
    /// The row id in `embedding_spaces`.
    let id: Int64
    /// The model id.
    let model: String
    /// The vector dimension.
    let dims: Int
    /// `vector` (a VECTOR(n) column with a cosine vector index) or `blob` (float32 little-endian).
    let storage: String

    /// The table's name; derived from the id, so no user text ever reaches an identifier.
    var table: String { "embeddings_\(id)" }
    /// The `model/dims` key used in counts and reports.
    var key: String { "\(model)/\(dims)" }

    /// Little-endian float32 bytes: the VECTOR column's binary format and the BLOB format alike.
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
            (0..<dims).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }
}
