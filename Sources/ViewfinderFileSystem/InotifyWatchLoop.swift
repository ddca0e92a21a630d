import Foundation
import ViewfinderCore

/// The state of one inotify watch, owned by its thread: the descriptor, and which folder each watch is.
struct InotifyWatchLoop {
    /// A watched folder.
    struct Folder {
        /// The library root it is under.
        let root: String
        /// Its path relative to the root ("" for the root).
        let relative: String
        /// The ignore patterns in force inside it.
        let ignores: [IgnorePatterns]
    }

    /// Why watching cannot go on.
    struct Failure: Error {
        /// What to tell the user.
        let reason: String
    }

    /// The roots being watched (standardised paths).
    let roots: [String]
    /// What the watch skips and follows.
    let rules: LibraryScanRules
    private let pictureExtensions: Set<String>
    private let sink: AsyncStream<LibraryWatchEvent>.Continuation
    private let wakeUp: WakeUpPipe
    private var descriptor: Int32 = -1
    /// Every watch descriptor and the folder it watches.
    var folders: [Int32: Folder] = [:]

    /// Creates the loop; nothing happens until `run`.
    init(
        roots: [String], rules: LibraryScanRules, pictureExtensions: Set<String>,
        sink: AsyncStream<LibraryWatchEvent>.Continuation, wakeUp: WakeUpPipe
    ) {
        self.roots = roots
        self.rules = rules
        self.pictureExtensions = pictureExtensions
        self.sink = sink
        self.wakeUp = wakeUp
    }

    /// Watches every root, then reports events until the wake-up pipe is signalled or watching fails (blocking).
    mutating func run() {
        do throws(Failure) {
            try open()
            // Closing the descriptor drops every watch at once, which frees them for other programs.
            defer { closeDescriptor() }
            try serve()
        } catch {
            sink.yield(.failed(reason: error.reason))
        }
    }

    /// Opens the inotify descriptor, watches every root and reports `ready`.
    mutating func open() throws(Failure) {
        descriptor = inotify_init1(O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(reason: Self.initFailure(errno)) }
        for root in roots { try watchTree(root: root, relative: "", ignores: LibraryWalker.rootIgnores(rules)) }
        sink.yield(.ready(folders: folders.count))
    }

    /// Reads and handles events until the wake-up pipe is signalled.
    mutating func serve() throws(Failure) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while waitForEvents() {
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                let events = buffer.withUnsafeBytes { InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                for event in events { try handle(event) }
            }
        }
    }

    /// Closes the inotify descriptor (and so drops every watch).
    mutating func closeDescriptor() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// Blocks until inotify has events (true) or a stop was asked for (false).
    private func waitForEvents() -> Bool {
        var polled = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeUp.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&polled, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0, polled[1].revents == 0 else { return false }
            return polled[0].revents & Int16(POLLIN) != 0
        }
    }

    /// Adds a watch to `relative` (below `root`) and every folder below it that the scan rules let a scan enter.
    ///
    /// Folders already watched keep their watch; a folder reached a second time through a link keeps its
    /// first path, as in a scan.
    mutating func watchTree(root: String, relative: String, ignores: [IgnorePatterns]) throws(Failure) {
        try watchFolders(walking: root, relative: relative, ignores: ignores)
        // A folder made inside a new folder between the walk and its watch sent no event to anyone;
        // a second walk, now that the watches are in place, finds it (`cp -r`, `mkdir -p`).
        if !relative.isEmpty { try watchFolders(walking: root, relative: relative, ignores: ignores) }
    }

    private mutating func watchFolders(walking root: String, relative: String, ignores: [IgnorePatterns]) throws(Failure) {
        var walker = LibraryWalker(rootPath: root, rules: rules, pictureExtensions: pictureExtensions)
        walker.listsFiles = false
        if relative.isEmpty { walker.walk() } else { walker.walk(subfolder: relative, ignores: ignores) }
        for folder in walker.folders {
            let watch = inotify_add_watch(descriptor, folder.path, InotifyEvent.Mask.watched | InotifyEvent.Mask.onlyFolder)
            guard watch >= 0 else {
                let code = errno
                if code == ENOSPC { throw Failure(reason: Self.limitFailure(path: folder.path, watched: folders.count)) }
                // The folder vanished or cannot be read since the walk: there is nothing to watch.
                continue
            }
            if let known = folders[watch], known.root != root || known.relative != folder.relative { continue }
            folders[watch] = Folder(root: root, relative: folder.relative, ignores: folder.ignores)
        }
    }

    /// Forgets the watches of `relative` and the folders below it; `unwatch` also removes them from the kernel
    /// (a folder moved away is still there, watched under a path that is no longer true).
    mutating func forgetTree(root: String, relative: String, unwatch: Bool) {
        let prefix = relative + "/"
        for (watch, folder) in folders
        where folder.root == root && (folder.relative == relative || folder.relative.hasPrefix(prefix)) {
            if unwatch { _ = inotify_rm_watch(descriptor, watch) }
            folders[watch] = nil
        }
    }

    /// Reports a change to the consumer.
    func report(_ kind: LibraryChange.Kind, root: String, relativePath: String) {
        sink.yield(.changed(LibraryChange(kind, root: root, relativePath: relativePath)))
    }

    /// Reports that changes were lost.
    func reportOverflow() { sink.yield(.overflow) }

    /// Whether `name` has a picture extension.
    func isPicture(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return pictureExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    private static func initFailure(_ code: Int32) -> String {
        if code == EMFILE {
            return "cannot watch the library: the limit of inotify instances is reached (fs.inotify.max_user_instances = "
                + "\(kernelSetting("max_user_instances"))); raise it with `sysctl fs.inotify.max_user_instances=1024`"
        }
        return "cannot watch the library: inotify is not available (\(String(cString: strerror(code))))"
    }

    private static func limitFailure(path: String, watched: Int) -> String {
        "cannot watch \(path): the inotify watch limit is reached (fs.inotify.max_user_watches = "
            + "\(kernelSetting("max_user_watches")), \(watched) folders watched by Viewfinder); raise it with "
            + "`sysctl fs.inotify.max_user_watches=524288` (and a file in /etc/sysctl.d/ to keep it after a reboot)"
    }

    /// A value of /proc/sys/fs/inotify, for error messages.
    private static func kernelSetting(_ name: String) -> String {
        let text = try? String(contentsOfFile: "/proc/sys/fs/inotify/\(name)", encoding: .utf8)
        return text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
    }
}
