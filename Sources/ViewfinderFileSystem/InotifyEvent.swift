/// One event as the kernel's inotify interface reports it (see inotify(7)).
struct InotifyEvent: Sendable, Equatable {
    /// The watch descriptor the event belongs to (-1 for a queue overflow).
    let watch: Int32
    /// The event's bits (`InotifyEvent.Mask`).
    let mask: UInt32
    /// Pairs the two halves of a rename.
    let cookie: UInt32
    /// The name inside the watched folder ("" for events on the folder itself).
    let name: String

    /// Event bits, as inotify(7) documents them.
    enum Mask {
        /// A file was written to (not watched: see `watched`).
        static let modify: UInt32 = 0x0000_0002
        /// Metadata (mode, times) changed.
        static let attributes: UInt32 = 0x0000_0004
        /// A file opened for writing was closed.
        static let closeWrite: UInt32 = 0x0000_0008
        /// An entry was moved out of the folder.
        static let movedFrom: UInt32 = 0x0000_0040
        /// An entry was moved into the folder.
        static let movedTo: UInt32 = 0x0000_0080
        /// An entry was created in the folder.
        static let create: UInt32 = 0x0000_0100
        /// An entry was deleted from the folder.
        static let delete: UInt32 = 0x0000_0200
        /// The watched folder itself was deleted.
        static let deleteSelf: UInt32 = 0x0000_0400
        /// The watched folder itself was moved.
        static let moveSelf: UInt32 = 0x0000_0800
        /// The watched folder's file system was unmounted.
        static let unmount: UInt32 = 0x0000_2000
        /// Events were lost: the queue overflowed.
        static let queueOverflow: UInt32 = 0x0000_4000
        /// The watch was removed (explicitly, or because the folder is gone).
        static let ignored: UInt32 = 0x0000_8000
        /// Watch the path only if it is a folder.
        static let onlyFolder: UInt32 = 0x0100_0000
        /// The entry the event names is a folder.
        static let isFolder: UInt32 = 0x4000_0000

        /// What the watcher asks for on every folder. Not `modify`: a copy in progress would send a storm of
        /// them, and the `closeWrite` at its end is the event that matters.
        static let watched: UInt32 = closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf
    }

    /// The fixed part of each record: wd, mask, cookie and name length, four 32-bit fields.
    static let headerSize = 16

    /// Whether `bit` is set.
    func has(_ bit: UInt32) -> Bool { mask & bit != 0 }

    /// Splits the bytes of one `read` into events; a truncated trailing record is dropped.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard nameStart + length <= bytes.count else { break }
            // The name is padded with NULs to an aligned length.
            let nameBytes = bytes[nameStart..<(nameStart + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            events.append(InotifyEvent(watch: watch, mask: mask, cookie: cookie, name: name))
            offset = nameStart + length
        }
        return events
    }
}
