import Testing
@testable import ViewfinderFileSystem

/// Parsing the records one inotify `read` returns.
struct InotifyEventTests {
    /// One record as the kernel lays it out: four little-endian 32-bit fields, then the NUL-padded name.
    private func record(watch: Int32, mask: UInt32, cookie: UInt32 = 0, name: String, padded: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for field in [UInt32(bitPattern: watch), mask, cookie, UInt32(padded)] {
            withUnsafeBytes(of: field.littleEndian) { bytes.append(contentsOf: $0) }
        }
        var nameBytes = Array(name.utf8)
        nameBytes.append(contentsOf: [UInt8](repeating: 0, count: padded - nameBytes.count))
        return bytes + nameBytes
    }

    @Test func recordsWithAndWithoutNamesAreSplit() {
        let bytes = record(watch: 3, mask: 0x8, name: "photo.jpg", padded: 16)
            + record(watch: -1, mask: 0x4000, name: "", padded: 0)
            + record(watch: 7, mask: 0x4000_0100, cookie: 9, name: "Ünïcode", padded: 32)
        let events = bytes.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(events == [
            InotifyEvent(watch: 3, mask: 0x8, cookie: 0, name: "photo.jpg"),
            InotifyEvent(watch: -1, mask: 0x4000, cookie: 0, name: ""),
            InotifyEvent(watch: 7, mask: 0x4000_0100, cookie: 9, name: "Ünïcode"),
        ])
        #expect(events[2].has(InotifyEvent.Mask.isFolder) && events[2].has(InotifyEvent.Mask.create))
        #expect(!events[0].has(InotifyEvent.Mask.delete))
    }

    @Test func aTruncatedRecordIsDropped() {
        let whole = record(watch: 1, mask: 0x200, name: "a.jpg", padded: 16)
        let bytes = whole + Array(record(watch: 2, mask: 0x200, name: "b.jpg", padded: 16).prefix(20))
        let events = bytes.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(events.map(\.name) == ["a.jpg"])
    }

    @Test func theWatchedMaskLeavesOutModifyStorms() {
        #expect(InotifyEvent.Mask.watched & InotifyEvent.Mask.modify == 0)
        #expect(InotifyEvent.Mask.watched & InotifyEvent.Mask.closeWrite != 0)
        #expect(InotifyEvent.Mask.watched & InotifyEvent.Mask.movedTo != 0)
    }
}
