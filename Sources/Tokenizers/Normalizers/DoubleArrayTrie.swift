/// The darts-clone double array that SentencePiece serialises into `precompiled_charsmap`.
struct DoubleArrayTrie: Sendable {
    let units: [UInt32]

    /// The value of the shortest key that is a prefix of `key` (stopping at a NUL byte), or nil.
    func firstPrefixValue(_ key: [UInt8]) -> UInt32? {
        var nodePosition = 0
        var unit = units[0]
        nodePosition ^= Self.offset(unit)
        for byte in key {
            if byte == 0 { break }
            nodePosition ^= Int(byte)
            guard nodePosition < units.count else { return nil }
            unit = units[nodePosition]
            if Self.label(unit) != UInt32(byte) { return nil }
            nodePosition ^= Self.offset(unit)
            if Self.hasLeaf(unit) {
                guard nodePosition < units.count else { return nil }
                return units[nodePosition] & 0x7FFF_FFFF
            }
        }
        return nil
    }

    private static func hasLeaf(_ unit: UInt32) -> Bool { (unit >> 8) & 1 == 1 }
    private static func label(_ unit: UInt32) -> UInt32 { unit & (0x8000_0000 | 0xFF) }
    private static func offset(_ unit: UInt32) -> Int { Int((unit >> 10) << ((unit & (1 << 9)) >> 6)) }
}
