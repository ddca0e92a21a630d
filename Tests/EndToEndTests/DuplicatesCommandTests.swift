import Foundation
import Testing
import ViewfinderTestSupport

/// Drives `viewfinder duplicates` on a library with an exact copy and a resized copy of one picture.
@Suite(.serialized)
struct DuplicatesCommandTests {
    private struct Group: Decodable {
        let keeper: Member
        let duplicates: [Member]
        let largestDistance: Float
    }

    private struct Member: Decodable {
        let path: String
        let width: Int
        let height: Int
    }

    @Test func findsTheExactAndTheResizedCopyAndKeepsTheLargest() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let original = harness.library.appendingPathComponent("red/red-01.jpg")
        let copies = harness.library.appendingPathComponent("copies")
        try FileManager.default.createDirectory(at: copies, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: original, to: copies.appendingPathComponent("exact.jpg"))
        let resized = try ProcessRunner.run(ProcessRunner.python, [
            "-c",
            "import sys; from PIL import Image; i = Image.open(sys.argv[1]); i.resize((i.width // 2, i.height // 2), Image.LANCZOS).save(sys.argv[2], quality=90)",
            original.path, copies.appendingPathComponent("small.jpg").path,
        ])
        try #require(resized.status == 0, "resize failed: \(resized.stderr)")
        let report = try harness.index()
        #expect(report.embedded == 32)

        let result = try harness.viewfinder(["duplicates", "--model", "viewfinder-test-tiny", "--max-distance", "0.0005", "--json"])
        try #require(result.status == 0, "duplicates failed: \(result.stderr)")
        let groups = try JSONDecoder().decode([Group].self, from: Data(result.stdout.utf8))
        let relative = { (member: Member) in String(member.path.dropFirst(harness.library.path.count + 1)) }
        let group = try #require(groups.first { ([$0.keeper] + $0.duplicates).map(relative).contains("red/red-01.jpg") })
        let members = Set(([group.keeper] + group.duplicates).map(relative))
        #expect(members == ["red/red-01.jpg", "copies/exact.jpg", "copies/small.jpg"], "\(groups.map { ([$0.keeper] + $0.duplicates).map(relative) })")
        #expect(relative(group.keeper) != "copies/small.jpg", "the full-size picture is the keeper")
        #expect(group.keeper.width > (group.duplicates.map(\.width).min() ?? .max))

        let text = try harness.viewfinder(["duplicates", "--model", "viewfinder-test-tiny", "--max-distance", "0.0005"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("keep"))
        let invalid = try harness.viewfinder(["duplicates", "--model", "viewfinder-test-tiny", "--max-distance", "3"])
        #expect(invalid.status != 0)
        #expect(invalid.stderr.contains("max-distance"))
    }
}
