import Foundation
import Glibc
import NIOConcurrencyHelpers
public import ViewfinderCore

/// Watches library roots with Linux inotify: every folder the scan would enter gets a watch, folders created
/// later get one too, and the events that matter for indexing are reported.
///
/// The blocking part (the initial walk, `poll` and `read`) runs on a thread of its own, never on Swift's
/// cooperative pool; stopping wakes it through a pipe, so a stop takes effect at once.
public struct InotifyLibraryWatcher: LibraryWatching {
    /// What the watch skips and follows (the same rules as a scan).
    public let rules: LibraryScanRules
    /// Extensions (lowercase) of picture files; changes to other files are not reported.
    public let pictureExtensions: Set<String>

    /// Creates a watcher with the scan's rules and picture extensions.
    public init(
        rules: LibraryScanRules = LibraryScanRules(),
        pictureExtensions: Set<String> = LocalLibraryFileSystem.defaultPictureExtensions
    ) {
        self.rules = rules
        self.pictureExtensions = pictureExtensions
    }

    public func watch(roots: [String]) -> LibraryWatch {
        let (events, sink) = AsyncStream<LibraryWatchEvent>.makeStream(bufferingPolicy: .bufferingNewest(16_384))
        let standardised = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        guard let wakeUp = WakeUpPipe() else {
            sink.yield(.failed(reason: "cannot watch the library: no pipe to stop the watcher (\(String(cString: strerror(errno))))"))
            sink.finish()
            return LibraryWatch(events: events, stop: {})
        }
        let rules = self.rules
        let pictureExtensions = self.pictureExtensions
        let thread = Thread {
            var loop = InotifyWatchLoop(
                roots: standardised, rules: rules, pictureExtensions: pictureExtensions, sink: sink, wakeUp: wakeUp)
            loop.run()
            wakeUp.close()
            sink.finish()
        }
        thread.name = "viewfinder-watch"
        sink.onTermination = { _ in wakeUp.signal() }
        thread.start()
        return LibraryWatch(events: events, stop: { wakeUp.signal() })
    }
}

/// A pipe whose read end the watch thread polls next to inotify; writing a byte asks the thread to stop.
final class WakeUpPipe: Sendable {
    /// The end the watch thread polls.
    let readEnd: Int32
    /// The end `signal` writes to; nil once closed, so a late stop never writes to a reused descriptor.
    ///
    /// A pthread-based lock rather than `Synchronization.Mutex`: a stop and the thread's exit contend for it,
    /// and Mutex's contended path (a kernel-arbitrated futex inside the uninstrumented Swift runtime) is
    /// invisible to ThreadSanitizer, which then reports the guarded accesses as a race (RELIABILITY.md).
    private let writeEnd: NIOLockedValueBox<Int32?>

    /// Opens the pipe, or returns nil when the process is out of descriptors.
    init?() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            // Not inherited by child processes, and a full pipe never blocks a stop.
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        readEnd = ends[0]
        writeEnd = NIOLockedValueBox(ends[1])
    }

    /// Wakes the watch thread up and asks it to stop.
    func signal() {
        writeEnd.withLockedValue { end in
            guard let end else { return }
            var byte: UInt8 = 1
            _ = write(end, &byte, 1)
        }
    }

    /// Closes both ends (the watch thread does, as it exits).
    func close() {
        writeEnd.withLockedValue { end in
            if let open = end { _ = Glibc.close(open) }
            end = nil
        }
        _ = Glibc.close(readEnd)
    }
}
