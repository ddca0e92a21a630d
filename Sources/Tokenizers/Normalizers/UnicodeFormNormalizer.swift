/// One of the four Unicode normalisation forms, with the reference's decomposition data.
///
/// Decompositions, combining classes and compositions come from tables probed from Hugging Face
/// tokenizers, whose Unicode data is not Swift's (and Foundation's forms on Linux are unreliable:
/// they leave `ｶﾞ` uncomposed and misread tag characters).
struct UnicodeFormNormalizer: Normalizer {
    /// A Unicode normalisation form.
    enum Form: Sendable {
        case nfc, nfd, nfkc, nfkd
    }

    let form: Form

    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        // ASCII is unchanged by every form.
        if text.allSatisfy({ $0.value < 0x80 }) { return text }
        switch form {
        case .nfd: return Decomposition.decompose(text, compatibility: false)
        case .nfkd: return Decomposition.decompose(text, compatibility: true)
        case .nfc: return Decomposition.compose(text)
        case .nfkc: return Decomposition.compose(Decomposition.decompose(text, compatibility: true))
        }
    }
}

/// Full decomposition, canonical ordering and composition of scalar sequences.
enum Decomposition {
    private static let canonical = parse(UnicodeTables.canonicalDecompositions)
    private static let compatibility = parse(UnicodeTables.compatibilityDecompositions)
    private static let combiningClasses: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        let flat = UnicodeTables.combiningClasses
        var index = 0
        while index + 2 < flat.count {
            for value in flat[index]...flat[index + 1] { table[value] = UInt8(truncatingIfNeeded: flat[index + 2]) }
            index += 3
        }
        return table
    }()
    private static let composites: [UInt64: Unicode.Scalar] = {
        var table: [UInt64: Unicode.Scalar] = [:]
        for entry in UnicodeTables.compositions.split(separator: ";") {
            let sides = entry.split(separator: ":")
            let pair = sides.first?.split(separator: ",") ?? []
            guard sides.count == 2, pair.count == 2, let first = UInt32(pair[0], radix: 16),
                let second = UInt32(pair[1], radix: 16), let composite = UInt32(sides[1], radix: 16).flatMap(Unicode.Scalar.init)
            else { continue }
            table[UInt64(first) << 32 | UInt64(second)] = composite
        }
        return table
    }()

    /// The canonical combining class, per the reference.
    @inline(__always)
    static func combiningClass(_ scalar: Unicode.Scalar) -> UInt8 {
        scalar.value < 0x300 ? 0 : combiningClasses[scalar.value] ?? 0
    }

    /// NFD or NFKD of `text`.
    static func decompose(_ text: [Unicode.Scalar], compatibility useCompatibility: Bool) -> [Unicode.Scalar] {
        let table = useCompatibility ? compatibility : canonical
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.count + 8)
        for scalar in text {
            let v = scalar.value
            if v < 0xC0 && (!useCompatibility || v < 0xA0) {
                result.append(scalar)
            } else if (0xAC00...0xD7A3).contains(v) {
                appendHangul(v, to: &result)
            } else if let mapping = table[v] {
                result.append(contentsOf: mapping)
            } else {
                result.append(scalar)
            }
        }
        reorder(&result)
        return result
    }

    /// NFC of `text`: canonical decomposition, then canonical composition.
    static func compose(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let decomposed = decompose(text, compatibility: false)
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(decomposed.count)
        var starter: Int?
        var lastClass: UInt8 = 0
        for scalar in decomposed {
            let combining = combiningClass(scalar)
            if let starterIndex = starter {
                let adjacent = starterIndex == result.count - 1
                let blocked = !adjacent && (lastClass == 0 || lastClass >= combining)
                if !blocked, let composite = composite(result[starterIndex], scalar) {
                    result[starterIndex] = composite
                    continue
                }
            }
            if combining == 0 {
                starter = result.count
                lastClass = 0
            } else {
                lastClass = combining
            }
            result.append(scalar)
        }
        return result
    }

    /// The primary composite of a pair, including Hangul syllables.
    private static func composite(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Unicode.Scalar? {
        let a = first.value, b = second.value
        if (0x1100..<0x1113).contains(a) && (0x1161..<0x1176).contains(b) {
            return Unicode.Scalar(0xAC00 + ((a - 0x1100) * 21 + (b - 0x1161)) * 28)
        }
        if (0xAC00...0xD7A3).contains(a) && (a - 0xAC00) % 28 == 0 && (0x11A8..<0x11C3).contains(b) {
            return Unicode.Scalar(a + (b - 0x11A7))
        }
        return composites[UInt64(a) << 32 | UInt64(b)]
    }

    /// Sorts each run of non-starters by canonical combining class, keeping equal classes in order.
    private static func reorder(_ scalars: inout [Unicode.Scalar]) {
        var index = 1
        while index < scalars.count {
            let current = combiningClass(scalars[index])
            if current != 0 {
                var position = index
                while position > 0 {
                    let previous = combiningClass(scalars[position - 1])
                    guard previous > current else { break }
                    scalars.swapAt(position, position - 1)
                    position -= 1
                }
            }
            index += 1
        }
    }

    private static func appendHangul(_ value: UInt32, to result: inout [Unicode.Scalar]) {
        let index = value - 0xAC00
        let leading = 0x1100 + index / 588
        let vowel = 0x1161 + (index % 588) / 28
        let trailing = 0x11A7 + index % 28
        for part in [leading, vowel] + (trailing == 0x11A7 ? [] : [trailing]) {
            if let scalar = Unicode.Scalar(part) { result.append(scalar) }
        }
    }

    /// Reads `KEY:V,V;KEY:V` (hexadecimal) into a lookup table.
    private static func parse(_ text: String) -> [UInt32: [Unicode.Scalar]] {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for entry in text.split(separator: ";") {
            let parts = entry.split(separator: ":")
            guard parts.count == 2, let key = UInt32(parts[0], radix: 16) else { continue }
            table[key] = parts[1].split(separator: ",").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
        }
        return table
    }
}
