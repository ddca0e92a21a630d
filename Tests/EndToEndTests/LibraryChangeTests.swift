import Foundation
import Testing
import ViewfinderTestSupport

/// The change test on a real SQLite catalog with the colour model: new, changed, moved and deleted files.
@Suite(.serialized)
struct LibraryChangeTests {
    /// The parts of `index --json` lines this test reads.
    private struct Line: Decodable {
        let event: String?
        let count: Int?
        let embedded: Int?
        let moved: Int?
        let missing: Int?
        let purged: Int?
        let unchanged: Int?
        let recorded: Int?
    }

    private struct Status: Decodable {
        let photos: Int
        let missing: Int
        let embedded: [String: Int]
    }

    private func index(_ harness: CLIHarness, environment: [String: String] = [:]) throws -> (report: Line, encoded: Int) {
        let result = try harness.viewfinder(
            ["index", harness.library.path, "--model", "viewfinder-test-tiny", "--json"], environment: environment)
        try #require(result.status == 0, "index failed: \(result.stderr)")
        let lines = try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
        let encoded = lines.filter { $0.event == "encoding" }.compactMap(\.count).reduce(0, +)
        return (try #require(lines.last), encoded)
    }

    private func status(_ harness: CLIHarness) throws -> Status {
        let result = try harness.viewfinder(["status", "--json"])
        try #require(result.status == 0, "status failed: \(result.stderr)")
        return try JSONDecoder().decode(Status.self, from: Data(result.stdout.utf8))
    }

    /// The first JPEG of a colour folder, relative to the library.
    private func firstJPEG(_ harness: CLIHarness, _ colour: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: harness.library.appendingPathComponent(colour).path)
        return colour + "/" + (try #require(names.filter { $0.hasSuffix(".jpg") }.sorted().first))
    }

    @Test func newChangedMovedAndDeletedFilesAreEachHandledAsSpecified() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let first = try index(harness)
        #expect(first.report.embedded == 30)
        #expect(first.encoded == 30)

        let fm = FileManager.default
        let library = harness.library
        // New: a picture with bytes no other file has (a JPEG decodes with trailing bytes).
        try fm.createDirectory(at: library.appendingPathComponent("new"), withIntermediateDirectories: true)
        var fresh = try Data(contentsOf: library.appendingPathComponent(try firstJPEG(harness, "red")))
        fresh.append(Data("extra".utf8))
        try fresh.write(to: library.appendingPathComponent("new/extra.jpg"))
        // Changed: green's first JPEG now holds blue's bytes.
        let changed = try firstJPEG(harness, "green")
        try fm.removeItem(at: library.appendingPathComponent(changed))
        try fm.copyItem(at: library.appendingPathComponent(try firstJPEG(harness, "blue")), to: library.appendingPathComponent(changed))
        // Moved: yellow's first JPEG goes to another folder under another name.
        try fm.createDirectory(at: library.appendingPathComponent("moved"), withIntermediateDirectories: true)
        try fm.moveItem(
            at: library.appendingPathComponent(try firstJPEG(harness, "yellow")),
            to: library.appendingPathComponent("moved/renamed.jpg"))
        // Deleted: purple's first JPEG.
        let deleted = try firstJPEG(harness, "purple")
        try fm.removeItem(at: library.appendingPathComponent(deleted))

        let second = try index(harness)
        #expect(second.report.embedded == 2)
        #expect(second.encoded == 2, "only the new and the changed file are embedded; the moved one is not")
        #expect(second.report.moved == 1)
        #expect(second.report.missing == 1)
        let afterChanges = try status(harness)
        #expect(afterChanges.photos == 31)
        #expect(afterChanges.missing == 1)
        #expect(afterChanges.embedded["viewfinder-test-tiny/64"] == 31)
        #expect(try harness.search("yellow", limit: 3).contains("moved/renamed.jpg"))
        #expect(try harness.search("blue", limit: 4).contains(changed))
        #expect(try !harness.search("purple", limit: 3).contains(deleted), "a missing photo is not a search result")

        let unchanged = try index(harness)
        #expect(unchanged.encoded == 0)
        #expect(unchanged.report.purged == 0)
        let purged = try index(harness, environment: ["VIEWFINDER_MISSING_GRACE": "0"])
        #expect(purged.report.purged == 1)
        #expect(purged.encoded == 0)
        let final = try status(harness)
        #expect(final.photos == 30)
        #expect(final.missing == 0)
    }

    @Test func withClipRunNeverPicturesAreStoredWithoutAModelAndEmbeddedLater() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let result = try harness.viewfinder(
            ["index", harness.library.path, "--model", "not-installed-model", "--json"],
            environment: ["VIEWFINDER_CLIP_RUN": "never"])
        try #require(result.status == 0, "index failed: \(result.stderr)")
        let last = try #require(result.stdout.split(separator: "\n").last)
        let report = try JSONDecoder().decode(Line.self, from: Data(last.utf8))
        #expect(report.recorded == 30 && report.embedded == 0)
        let stored = try status(harness)
        #expect(stored.photos == 30 && stored.embedded.isEmpty)
        let embedded = try index(harness)
        #expect(embedded.encoded == 30)
        #expect(try status(harness).embedded == ["viewfinder-test-tiny/64": 30])
    }
}
