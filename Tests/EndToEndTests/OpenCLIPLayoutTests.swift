import Foundation
import Testing
import ViewfinderTestSupport

/// Drives the built binary with the OpenCLIP/Immich-layout test model: import, index, search and embed;
/// `embed` output of both layouts equals Python onnxruntime's on the same token ids.
@Suite(.serialized)
struct OpenCLIPLayoutTests {
    private static let modelName = "viewfinder-test-tiny-openclip"
    private static let modelFolder = TestPaths.repositoryRoot.appendingPathComponent("models/\(modelName)")

    private struct EmbedOutput: Decodable {
        let model: String
        let dims: Int
        let embedding: [Float]
    }

    /// The recorded texts and their embeddings (rows as Python onnxruntime returned them).
    private struct GoldenText: Decodable {
        struct Text: Decodable {
            let texts: [String]
            let embedding: [[Float]]?
            let embeddings: [[Float]]?
        }
        let text: Text
    }

    private func golden(_ model: String) throws -> GoldenText.Text {
        try JSONDecoder().decode(
            GoldenText.self, from: Data(contentsOf: TestPaths.goldens.appendingPathComponent("\(model).json"))
        ).text
    }

    private func embedText(_ harness: CLIHarness, _ text: String, model: String) throws -> EmbedOutput {
        let result = try harness.viewfinder(["embed", "text", text, "--model", model, "--json"])
        try #require(result.status == 0, "embed failed: \(result.stderr)")
        return try JSONDecoder().decode(EmbedOutput.self, from: Data(result.stdout.utf8))
    }

    @Test func importIndexSearchAndEmbedWithTheImmichLayout() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let imported = try harness.viewfinder(["models", "import", Self.modelFolder.path])
        try #require(imported.status == 0, "models import failed: \(imported.stderr)")

        let indexed = try harness.viewfinder(["index", harness.library.path, "--model", Self.modelName, "--json"])
        try #require(indexed.status == 0, "index failed: \(indexed.stderr)")
        let report = try JSONDecoder().decode(
            IndexReport.self, from: Data(try #require(indexed.stdout.split(separator: "\n").last).utf8))
        #expect(report.found == 30)
        #expect(report.embedded == 30)
        #expect(report.failures.isEmpty)

        let expectations = [
            ("red", "red/"), ("blue", "blue/"), ("green", "green/"), ("yellow", "yellow/"),
            ("a photo of a red car", "red/"), ("the blue sky", "blue/"),
        ]
        for (query, folder) in expectations {
            let result = try harness.viewfinder(["search", query, "--model", Self.modelName, "--limit", "3", "--json"])
            try #require(result.status == 0, "search failed: \(result.stderr)")
            let output = try JSONDecoder().decode(SearchReport.self, from: Data(result.stdout.utf8))
            #expect(output.model == Self.modelName)
            let paths = output.results.map { String($0.path.dropFirst(harness.library.path.count + 1)) }
            #expect(paths.count == 3)
            #expect(paths.allSatisfy { $0.hasPrefix(folder) }, "\(query) → \(paths)")
        }

        let text = try embedText(harness, "red", model: Self.modelName)
        let picture = try harness.viewfinder([
            "embed", "image", harness.library.appendingPathComponent("red/red-01.jpg").path, "--model", Self.modelName,
            "--json",
        ])
        try #require(picture.status == 0, "embed image failed: \(picture.stderr)")
        let image = try JSONDecoder().decode(EmbedOutput.self, from: Data(picture.stdout.utf8))
        for output in [text, image] {
            #expect(output.model == Self.modelName)
            #expect(output.dims == 64 && output.embedding.count == 64)
            let norm = output.embedding.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-4)
        }
        let similarity = zip(text.embedding, image.embedding).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(similarity > 0.9)
    }

    @Test(arguments: ["viewfinder-test-tiny", "viewfinder-test-tiny-openclip"])
    func embedTextEqualsPythonOnnxRuntime(model: String) throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        if model == Self.modelName {
            let imported = try harness.viewfinder(["models", "import", Self.modelFolder.path])
            try #require(imported.status == 0, "models import failed: \(imported.stderr)")
        }
        let golden = try golden(model)
        // UForm's goldens are the raw `embeddings` (not unit length); Immich's `embedding` is normalised already.
        let rows = try #require(golden.embedding ?? golden.embeddings)
        for (text, row) in zip(golden.texts, rows) {
            let output = try embedText(harness, text, model: model)
            let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let expected = row.map { $0 / norm }
            #expect(output.embedding.count == expected.count)
            let difference = zip(output.embedding, expected).map { abs($0 - $1) }.max() ?? 1
            #expect(difference <= 1e-5, "\(model) '\(text)': max difference \(difference)")
        }
    }

    @Test func cudaOnTheCPULibraryIsAClearError() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        for arguments in [
            ["search", "red", "--model", "viewfinder-test-tiny", "--device", "cuda"],
            ["embed", "text", "red", "--model", "viewfinder-test-tiny", "--device", "cuda:0"],
        ] {
            let result = try harness.viewfinder(arguments)
            #expect(result.status != 0)
            #expect(result.stderr.contains("no CUDA provider"), "\(result.stderr)")
            #expect(result.stderr.contains("onnxruntime-gpu"))
        }
        let invalid = try harness.viewfinder(["search", "red", "--model", "viewfinder-test-tiny", "--device", "tpu"])
        #expect(invalid.status != 0)
        #expect(invalid.stderr.contains("device must be cpu, cuda or cuda:N"))
    }
}
