/// A set of scalars: a bitmap for the Basic Multilingual Plane and sorted ranges above it.
struct RangeTable: Sendable {
    private let bits: [UInt64]
    private let upperRanges: [UInt32]

    /// Builds the table from flat, sorted, inclusive `[first, last, first, last, ...]` ranges.
    init(_ flatRanges: [UInt32]) {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var upper: [UInt32] = []
        var index = 0
        while index + 1 < flatRanges.count {
            let first = flatRanges[index], last = flatRanges[index + 1]
            var value = first
            while value <= last && value < 0x10000 {
                bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
                value += 1
            }
            if last >= 0x10000 {
                upper.append(max(first, 0x10000))
                upper.append(last)
            }
            index += 2
        }
        self.bits = bits
        self.upperRanges = upper
    }

    /// Whether `value` is in the set.
    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        if value < 0x10000 { return bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        var low = 0, high = upperRanges.count / 2
        while low < high {
            let middle = (low + high) / 2
            if upperRanges[middle * 2 + 1] < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < upperRanges.count / 2 && upperRanges[low * 2] <= value
    }

    static let bertRemoved = RangeTable(UnicodeTables.bertRemoved)
    static let bertPunctuation = RangeTable(UnicodeTables.bertPunctuation)
    static let strippedMarks = RangeTable(UnicodeTables.strippedMarks)
    static let bertMarks = RangeTable(UnicodeTables.bertMarks)
    static let regexLetter = RangeTable(UnicodeTables.regexLetter)
    static let regexNumber = RangeTable(UnicodeTables.regexNumber)
    static let regexWord = RangeTable(UnicodeTables.regexWord)
    static let rustWord = RangeTable(UnicodeTables.rustWord)
}
