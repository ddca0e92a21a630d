/// UTF-8 helpers over scalars and bytes.
enum UTF8Encoding {
    /// Appends the UTF-8 bytes of `scalar`.
    @inline(__always)
    static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            bytes.append(UInt8(v))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// The UTF-8 bytes of `scalars`.
    static func bytes<S: Sequence<Unicode.Scalar>>(of scalars: S) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount * 2)
        for scalar in scalars { append(scalar, to: &bytes) }
        return bytes
    }

    /// The length of the UTF-8 sequence that starts with `lead`.
    @inline(__always)
    static func sequenceLength(lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }
}

/// The extended grapheme clusters of a scalar sequence, as end indices.
struct GraphemeClusters {
    /// The index just past each cluster, in order.
    let ends: [Int]

    init(_ scalars: [Unicode.Scalar]) {
        var ends: [Int] = []
        ends.reserveCapacity(scalars.count)
        // ASCII clusters are single scalars, except CR LF.
        if scalars.allSatisfy({ $0.value < 0x80 }) {
            var index = 0
            while index < scalars.count {
                if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                    index += 2
                } else {
                    index += 1
                }
                ends.append(index)
            }
        } else {
            var index = 0
            for character in String(String.UnicodeScalarView(scalars)) {
                index += character.unicodeScalars.count
                ends.append(index)
            }
        }
        self.ends = ends
    }
}
