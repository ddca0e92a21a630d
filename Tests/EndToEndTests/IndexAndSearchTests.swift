import Foundation
import Testing
import ViewfinderTestSupport

/// Drives the built `viewfinder` binary: index a generated library, then search it.
@Suite(.serialized)
struct IndexAndSearchTests {
    @Test func colourQueriesInFourLanguagesRankTheRightPhotosFirst() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let report = try harness.index()
        #expect(report.found == 30)
        #expect(report.embedded == 30)
        #expect(report.failures.isEmpty)
        let expectations: [(String, String)] = [
            ("red", "red/"), ("rot", "red/"), ("rouge", "red/"), ("rojo", "red/"),
            ("blue", "blue/"), ("blau", "blue/"), ("bleu", "blue/"), ("azul", "blue/"),
            ("a photo of something green", "green/"), ("ein gelbes Foto", "yellow/"),
        ]
        for (query, folder) in expectations {
            let top = try harness.search(query, limit: 3)
            #expect(top.count == 3)
            #expect(top.allSatisfy { $0.hasPrefix(folder) }, "\(query) → \(top)")
        }
    }

    @Test func reIndexingEmbedsOnlyWhatChanged() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        _ = try harness.index()
        let again = try harness.index()
        #expect(again.embedded == 0)
        #expect(again.unchanged == 30)

        // Replace one red photo with a copy of a blue one: new content, so exactly one re-embed.
        let fm = FileManager.default
        let target = harness.library.appendingPathComponent("red/red-01.jpg")
        try fm.removeItem(at: target)
        try fm.copyItem(at: harness.library.appendingPathComponent("blue/blue-01.jpg"), to: target)
        // Touch another file without changing its bytes: no re-embed either.
        try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)],
                             ofItemAtPath: harness.library.appendingPathComponent("green/green-01.jpg").path)
        let changed = try harness.index()
        #expect(changed.embedded == 1)
        #expect(changed.unchanged == 29)
        #expect(try harness.search("blue", limit: 4).contains("red/red-01.jpg"))
    }

    @Test func brokenAndNonImageFilesAreReportedAndSkipped() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let junk = harness.library.appendingPathComponent("junk")
        try FileManager.default.createDirectory(at: junk, withIntermediateDirectories: true)
        try Data("this is not a picture".utf8).write(to: junk.appendingPathComponent("text.jpg"))
        try Data().write(to: junk.appendingPathComponent("empty.png"))
        let jpeg = try Data(contentsOf: harness.library.appendingPathComponent("red/red-02.jpg"))
        try jpeg.prefix(jpeg.count / 2).write(to: junk.appendingPathComponent("truncated.jpg"))
        try Data("notes".utf8).write(to: junk.appendingPathComponent("notes.txt"))

        let report = try harness.index()
        #expect(report.embedded == 30)
        #expect(Set(report.failures.map(\.path)) == ["junk/text.jpg", "junk/empty.png", "junk/truncated.jpg"])
        #expect(report.failures.allSatisfy { !$0.reason.isEmpty })
        #expect(report.skipped.contains("junk/notes.txt"))
        #expect(try harness.search("red", limit: 2).allSatisfy { $0.hasPrefix("red/") })

        let status = try harness.viewfinder(["status", "--json"])
        #expect(status.status == 0)
        #expect(status.stdout.contains("\"failed\" : 3"))
    }

    @Test func embedPrintsNormalisedVectorsAsJSON() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        struct Output: Decodable {
            let model: String
            let dims: Int
            let embedding: [Float]
        }
        let text = try harness.viewfinder(["embed", "text", "rouge", "--model", "viewfinder-test-tiny", "--json"])
        try #require(text.status == 0, "\(text.stderr)")
        let textVector = try JSONDecoder().decode(Output.self, from: Data(text.stdout.utf8))
        let image = try harness.viewfinder([
            "embed", "image", harness.library.appendingPathComponent("red/red-01.jpg").path,
            "--model", "viewfinder-test-tiny", "--json",
        ])
        try #require(image.status == 0, "\(image.stderr)")
        let imageVector = try JSONDecoder().decode(Output.self, from: Data(image.stdout.utf8))
        for output in [textVector, imageVector] {
            #expect(output.model == "viewfinder-test-tiny")
            #expect(output.dims == 64 && output.embedding.count == 64)
            let norm = output.embedding.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-4)
        }
        let similarity = zip(textVector.embedding, imageVector.embedding).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(similarity > 0.9)
    }

    @Test func aMissingModelSaysHowToInstallIt() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let result = try harness.viewfinder(["search", "red"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("uform3-image-text-multilingual-base"))
        #expect(result.stderr.contains("viewfinder models import"))
        #expect(result.stderr.contains("viewfinder-test-tiny"))
    }

    @Test func aMissingRuntimeLibraryIsAReadableError() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let result = try harness.viewfinder([
            "search", "red", "--model", "viewfinder-test-tiny", "--ort-library", "/nonexistent/libonnxruntime.so",
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/libonnxruntime.so"))
    }
}
