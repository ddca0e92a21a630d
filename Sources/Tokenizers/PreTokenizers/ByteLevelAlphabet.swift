/// GPT-2's table from bytes to printable scalars.
enum ByteLevelAlphabet {
    /// The scalar standing for each byte value.
    static let scalarForByte: [Unicode.Scalar] = {
        var table: [Unicode.Scalar] = []
        table.reserveCapacity(256)
        var extra: UInt32 = 0
        for byte in UInt32(0)..<256 {
            let printable = (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte)
            if printable {
                table.append(Unicode.Scalar(UInt8(byte)))
            } else {
                table.append(Unicode.Scalar(256 + extra) ?? " ")
                extra += 1
            }
        }
        return table
    }()

    /// Each UTF-8 byte of `scalars` as its printable stand-in.
    static func map(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let table = scalarForByte
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count + scalars.count / 2)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4)
        for scalar in scalars {
            if scalar.value < 0x80 {
                result.append(table[Int(scalar.value)])
            } else {
                bytes.removeAll(keepingCapacity: true)
                UTF8Encoding.append(scalar, to: &bytes)
                for byte in bytes { result.append(table[Int(byte)]) }
            }
        }
        return result
    }
}
