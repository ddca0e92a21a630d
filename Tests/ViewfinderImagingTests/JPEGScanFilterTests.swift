import CJPEG
import Testing

/// `cjpeg_drop_ac_scans` on hand-built marker streams: which scans go, what survives byte for byte.
@Suite("CJPEG: dropping the AC scans of DC-only components")
struct JPEGScanFilterTests {
    // Marker bytes from ITU-T T.81, table B.1.
    static let soi: [UInt8] = [0xFF, 0xD8]
    static let eoi: [UInt8] = [0xFF, 0xD9]

    /// A segment: marker, big-endian length (counting itself), payload.
    static func segment(_ code: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, code, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    /// A scan: SOS header for `components` with spectral selection `start`...`end`, then entropy data.
    static func scan(components: [UInt8], start: UInt8, end: UInt8, data: [UInt8]) -> [UInt8] {
        var header: [UInt8] = [UInt8(components.count)]
        for component in components { header += [component, 0x00] }
        header += [start, end, 0x00]
        return segment(0xDA, header) + data
    }

    static func filter(_ stream: [UInt8], dcOnly: Set<UInt8>) -> [UInt8]? {
        var flags = [UInt8](repeating: 0, count: 256)
        for component in dcOnly { flags[Int(component)] = 1 }
        var output = [UInt8](repeating: 0, count: stream.count)
        let written = stream.withUnsafeBufferPointer { input in
            flags.withUnsafeBufferPointer { flags in
                output.withUnsafeMutableBufferPointer { output in
                    cjpeg_drop_ac_scans(input.baseAddress, input.count, flags.baseAddress, output.baseAddress)
                }
            }
        }
        return written == 0 ? nil : Array(output.prefix(written))
    }

    // Entropy data with a stuffed 0xFF 0x00 and a restart marker, which belong to the scan.
    static let acData: [UInt8] = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xFF]
    static let header = soi + segment(0xDB, [0x00] + [UInt8](repeating: 1, count: 64))
        + segment(0xC2, [8, 0x00, 0x10, 0x00, 0x10, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1])
    static let dcScan = scan(components: [1, 2, 3], start: 0, end: 0, data: [0xAB, 0xCD])
    static let lumaAC = scan(components: [1], start: 1, end: 63, data: acData)
    static let chromaAC = scan(components: [2], start: 1, end: 63, data: [0x77, 0xFF, 0x00])
    static let huffmanTable = segment(0xC4, [0x10] + [UInt8](repeating: 0, count: 16))

    @Test("AC scans of flagged components go; DC scans, other components' scans and tables stay")
    func dropsOnlyFlaggedACScans() throws {
        let stream = Self.header + Self.dcScan + Self.huffmanTable + Self.lumaAC + Self.chromaAC + Self.eoi
        let filtered = try #require(Self.filter(stream, dcOnly: [1]))
        #expect(filtered == Self.header + Self.dcScan + Self.huffmanTable + Self.chromaAC + Self.eoi)
    }

    @Test("a stream with nothing to drop is left alone (0 returned)")
    func nothingToDrop() {
        let stream = Self.header + Self.dcScan + Self.chromaAC + Self.eoi
        #expect(Self.filter(stream, dcOnly: [1]) == nil)
        #expect(Self.filter(stream, dcOnly: []) == nil)
    }

    @Test("an interleaved scan with one unflagged component stays")
    func mixedScanStays() {
        let mixed = Self.scan(components: [1, 2], start: 1, end: 5, data: [0x01])
        let stream = Self.header + Self.dcScan + mixed + Self.eoi
        #expect(Self.filter(stream, dcOnly: [1]) == nil)
    }

    @Test("a stream cut inside a dropped scan ends there, so libjpeg still sees it truncated")
    func truncatedInsideDroppedScan() throws {
        let stream = Self.header + Self.dcScan + Self.lumaAC.prefix(Self.lumaAC.count - 3)
        let filtered = try #require(Self.filter(Array(stream), dcOnly: [1]))
        #expect(filtered == Self.header + Self.dcScan)
    }

    @Test("bytes that are not markers, or a length past the end, leave the stream to libjpeg", arguments: [
        soi + [0x00, 0x01, 0x02],
        soi + [0xFF, 0xDB, 0x40, 0x00, 0x01],
        [0x89, 0x50, 0x4E, 0x47],
        [],
    ])
    func malformedStreams(stream: [UInt8]) {
        #expect(Self.filter(stream, dcOnly: [1, 2, 3]) == nil)
    }
}
