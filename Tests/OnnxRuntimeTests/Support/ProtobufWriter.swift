/// Encodes protobuf wire-format fields, enough to write small ONNX models for tests.
struct ProtobufWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Appends a varint-typed field (wire type 0).
    mutating func varint(_ field: Int, _ value: Int) {
        key(field, wireType: 0)
        raw(varint: UInt64(bitPattern: Int64(value)))
    }

    /// Appends a length-delimited field (wire type 2) with raw bytes.
    mutating func data(_ field: Int, _ payload: [UInt8]) {
        key(field, wireType: 2)
        raw(varint: UInt64(payload.count))
        bytes += payload
    }

    /// Appends a UTF-8 string field.
    mutating func string(_ field: Int, _ text: String) {
        data(field, Array(text.utf8))
    }

    /// Appends an embedded message field built by `build`.
    mutating func message(_ field: Int, _ build: (inout ProtobufWriter) -> Void) {
        var nested = ProtobufWriter()
        build(&nested)
        data(field, nested.bytes)
    }

    private mutating func key(_ field: Int, wireType: UInt64) {
        raw(varint: UInt64(field) << 3 | wireType)
    }

    private mutating func raw(varint value: UInt64) {
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }
}
