import Foundation
import Testing
import ViewfinderCore
@testable import ViewfinderFileSystem
import ViewfinderTestSupport

/// The watch loop's reaction to events the kernel rarely sends, fed to it directly.
struct InotifyWatchLoopTests {
    @Test func anOverflowIsReportedAndFoldersMadeMeanwhileGetWatched() async throws {
        let root = try TestPaths.makeTemporaryDirectory("viewfinder-watch")
        defer { try? FileManager.default.removeItem(at: root) }
        let (events, sink) = AsyncStream<LibraryWatchEvent>.makeStream()
        let wakeUp = try #require(WakeUpPipe())
        defer { wakeUp.close() }
        var loop = InotifyWatchLoop(
            roots: [root.path], rules: LibraryScanRules(ignore: ["skip/"]), pictureExtensions: ["jpg"], sink: sink,
            wakeUp: wakeUp)
        try loop.open()
        defer { loop.closeDescriptor() }
        #expect(loop.folders.values.map(\.relative) == [""])
        // Made while events were being lost: nobody reads the kernel's events for these.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("later/deeper"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("skip"), withIntermediateDirectories: true)
        try loop.handle(InotifyEvent(watch: -1, mask: InotifyEvent.Mask.queueOverflow, cookie: 0, name: ""))
        #expect(Set(loop.folders.values.map(\.relative)) == ["", "later", "later/deeper"])
        // A watch the kernel dropped (its folder is gone) is forgotten.
        let deeper = try #require(loop.folders.first { $0.value.relative == "later/deeper" }?.key)
        try loop.handle(InotifyEvent(watch: deeper, mask: InotifyEvent.Mask.ignored, cookie: 0, name: ""))
        #expect(Set(loop.folders.values.map(\.relative)) == ["", "later"])
        sink.finish()
        var reported: [LibraryWatchEvent] = []
        for await event in events { reported.append(event) }
        #expect(reported == [.ready(folders: 1), .overflow])
    }
}
