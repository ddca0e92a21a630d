import Foundation
import NIOConcurrencyHelpers
import Synchronization
import Testing
import ViewfinderCore
import ViewfinderFileSystem
import ViewfinderTestSupport

/// The inotify watcher on a real temporary folder: files, new folders, moves, deletions, scan rules, stopping.
struct InotifyLibraryWatcherTests {
    /// The events a watch reported so far, filled by a task that consumes the watch.
    private final class Recorder: Sendable {
        private let events = NIOLockedValueBox<[LibraryWatchEvent]>([])
        private let ended = Atomic<Bool>(false)

        func consume(_ watch: LibraryWatch) async {
            for await event in watch { events.withLockedValue { $0.append(event) } }
            ended.store(true, ordering: .sequentiallyConsistent)
        }

        var all: [LibraryWatchEvent] { events.withLockedValue { $0 } }
        var hasEnded: Bool { ended.load(ordering: .sequentiallyConsistent) }

        /// The reported changes as "kind path".
        var changes: [String] {
            all.compactMap { event in
                guard case .changed(let change) = event else { return nil }
                return change.description
            }
        }

        /// Waits (at most about 10 s, only so a failure cannot hang) until `condition` holds.
        func waitFor(_ condition: (Recorder) -> Bool) async throws {
            for _ in 0..<1000 where !condition(self) { try await Task.sleep(for: .milliseconds(10)) }
        }

        /// Waits until `change` ("kind path") was reported.
        func waitFor(change: String) async throws {
            try await waitFor { $0.changes.contains(change) }
            #expect(changes.contains(change), "no '\(change)' among \(changes)")
        }
    }

    private let files = FileManager.default

    private func write(_ root: URL, _ path: String) throws {
        try Data("pixels".utf8).write(to: root.appendingPathComponent(path))
    }

    @Test func reportsFilesNewFoldersMovesAndDeletions() async throws {
        let root = try TestPaths.makeTemporaryDirectory("viewfinder-watch")
        defer { try? files.removeItem(at: root) }
        try files.createDirectory(at: root.appendingPathComponent("old"), withIntermediateDirectories: true)
        try files.createDirectory(at: root.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        try write(root, "old/a.jpg")
        let watch = InotifyLibraryWatcher(rules: LibraryScanRules(ignore: ["*.tmp.jpg", "skip/"])).watch(roots: [root.path])
        let recorder = Recorder()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await recorder.consume(watch) }
            try await recorder.waitFor { $0.all.first != nil }
            #expect(recorder.all.first == .ready(folders: 2))

            try write(root, "new.jpg")
            try await recorder.waitFor(change: "written new.jpg")

            // A folder created after the watch started is watched too.
            try files.createDirectory(at: root.appendingPathComponent("fresh"), withIntermediateDirectories: false)
            try await recorder.waitFor(change: "folder-created fresh")
            try write(root, "fresh/inner.jpg")
            try await recorder.waitFor(change: "written fresh/inner.jpg")

            try files.moveItem(at: root.appendingPathComponent("new.jpg"), to: root.appendingPathComponent("old/moved.jpg"))
            try await recorder.waitFor(change: "moved-in old/moved.jpg")
            try files.removeItem(at: root.appendingPathComponent("old/a.jpg"))
            try await recorder.waitFor(change: "deleted old/a.jpg")

            // A renamed folder is watched under its new name.
            try files.moveItem(at: root.appendingPathComponent("old"), to: root.appendingPathComponent("renamed"))
            try await recorder.waitFor(change: "moved-in renamed")
            try write(root, "renamed/after.jpg")
            try await recorder.waitFor(change: "written renamed/after.jpg")

            // Skipped by the rules or not a picture: never reported.
            try files.createDirectory(at: root.appendingPathComponent("skip"), withIntermediateDirectories: false)
            try write(root, "skip/x.jpg")
            try write(root, ".hidden/y.jpg")
            try write(root, "draft.tmp.jpg")
            try write(root, "notes.txt")
            try write(root, ".dot.jpg")

            try files.removeItem(at: root.appendingPathComponent("fresh"))
            try await recorder.waitFor(change: "folder-deleted fresh")
            try write(root, "last.jpg")
            try await recorder.waitFor(change: "written last.jpg")

            #expect(recorder.changes == [
                "written new.jpg",
                "folder-created fresh",
                "written fresh/inner.jpg",
                "moved-out new.jpg",
                "moved-in old/moved.jpg",
                "deleted old/a.jpg",
                "moved-out old",
                "moved-in renamed",
                "written renamed/after.jpg",
                "deleted fresh/inner.jpg",
                "folder-deleted fresh",
                "written last.jpg",
            ])
            #expect(recorder.all.allSatisfy { event in
                guard case .changed(let change) = event else { return true }
                return change.root == root.standardizedFileURL.path
            })

            watch.stop()
            try await recorder.waitFor { $0.hasEnded }
            #expect(recorder.hasEnded)
            tasks.cancelAll()
        }
    }

    @Test func aLinkedFolderIsWatchedOnlyWhenLinksAreFollowed() async throws {
        let root = try TestPaths.makeTemporaryDirectory("viewfinder-watch")
        let outside = try TestPaths.makeTemporaryDirectory("viewfinder-watch-outside")
        defer {
            try? files.removeItem(at: root)
            try? files.removeItem(at: outside)
        }
        try files.createSymbolicLink(at: root.appendingPathComponent("linked"), withDestinationURL: outside)
        // A link back to the root: a loop the watch must not follow forever.
        try files.createSymbolicLink(at: outside.appendingPathComponent("back"), withDestinationURL: root)
        for follow in [false, true] {
            let watch = InotifyLibraryWatcher(rules: LibraryScanRules(followSymlinks: follow)).watch(roots: [root.path])
            let recorder = Recorder()
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { await recorder.consume(watch) }
                try await recorder.waitFor { $0.all.first != nil }
                #expect(recorder.all.first == .ready(folders: follow ? 2 : 1))
                try write(outside, "through-link.jpg")
                try write(root, "marker-\(follow).jpg")
                try await recorder.waitFor(change: "written marker-\(follow).jpg")
                #expect(recorder.changes.contains("written linked/through-link.jpg") == follow)
                watch.stop()
                try await recorder.waitFor { $0.hasEnded }
                #expect(recorder.hasEnded)
            }
            try files.removeItem(at: outside.appendingPathComponent("through-link.jpg"))
        }
    }
}
