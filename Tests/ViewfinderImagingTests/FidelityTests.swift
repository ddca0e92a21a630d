import Foundation
import Testing
import ViewfinderCore
import ViewfinderImaging
import ViewfinderTestSupport

/// Viewfinder's model inputs against `tools/reference/preprocess.py` (Pillow), on real photos.
///
/// The corpus is Debian's wallpaper photographs plus pictures derived from them by
/// `tools/samples/generate_fidelity_corpus.py` (portrait, EXIF-rotated, PNG with alpha, CMYK,
/// greyscale, palette, small). Both tools run with the project's Python. The figures are printed
/// so they show in the test log; `make bench-decode` records them in BENCHMARKS.md.
@Suite("Preprocessing fidelity against the Pillow reference", .serialized)
struct FidelityTests {
    /// The largest mean absolute difference (normalised units) a picture may have.
    static let meanBar: Float = 0.03

    private struct Entry: Decodable {
        let name: String
        let file: String
        let kind: String
    }

    private struct Reference: Decodable {
        let index: Int
        let width: Int?
        let height: Int?
        let error: String?
    }

    @Test("every corpus picture is within a mean of 0.03 of the reference, in every shrink-on-load mode")
    func corpusMatchesReference() async throws {
        let folder = try TestPaths.makeTemporaryDirectory("viewfinder-fidelity")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        let tools = TestPaths.repositoryRoot.appendingPathComponent("tools")
        let generated = try ProcessRunner.run(
            ProcessRunner.python, [tools.appendingPathComponent("samples/generate_fidelity_corpus.py").path, corpus.path])
        try #require(generated.status == 0, "corpus generator failed: \(generated.stderr)")
        let entries = try JSONDecoder().decode(
            [Entry].self, from: Data(contentsOf: corpus.appendingPathComponent("manifest.json")))
        try #require(entries.count >= 15)
        #expect(Set(entries.map(\.name)).isSuperset(of: [
            "exif-orientation-6", "png-alpha", "cmyk", "portrait-crop", "safelanding-portrait", "fallenleaf",
        ]))

        let spec = ImagingFixture.clip
        let tensors = folder.appendingPathComponent("reference")
        var arguments = [tools.appendingPathComponent("reference/preprocess.py").path, "--size", String(spec.imageSize)]
        arguments += ["--mean"] + spec.mean.map { String($0) }
        arguments += ["--std"] + spec.std.map { String($0) }
        arguments += ["--out", tensors.path] + entries.map(\.file)
        let reference = try ProcessRunner.run(ProcessRunner.python, arguments)
        try #require(reference.status == 0, "reference preprocessing failed: \(reference.stdout)\(reference.stderr)")
        let records = try reference.stdout.split(separator: "\n").map {
            try JSONDecoder().decode(Reference.self, from: Data($0.utf8))
        }
        try #require(records.count == entries.count)

        try await ImagingFixture.with { fixture in
            let modes = ShrinkOnLoad.allCases
            let decoders = modes.map { fixture.decoder(ImagingConfiguration(shrinkOnLoad: $0)) }
            print("fidelity against tools/reference/preprocess.py (224 px, CLIP normalisation), mean/max |Δ| in normalised units:")
            print("  " + "picture".padding(toLength: 22, withPad: " ", startingAt: 0)
                + modes.map { " shrink-on-load \($0.rawValue)".padding(toLength: 31, withPad: " ", startingAt: 0) }.joined())
            for (entry, record) in zip(entries, records) {
                let expected = try Self.readTensor(tensors.appendingPathComponent("\(record.index).f32"), size: spec.imageSize)
                let url = URL(fileURLWithPath: entry.file)
                var figures = ""
                for (mode, decoder) in zip(modes, decoders) {
                    let decoded = try await decoder.decode(url, for: spec)
                    #expect(decoded.width == record.width && decoded.height == record.height, "\(entry.name): upright size")
                    let difference = decoded.tensor.difference(to: expected)
                    figures += String(format: " mean %.4f max %.3f         ", difference.mean, difference.max)
                    #expect(difference.mean <= Self.meanBar, "\(entry.name), shrink-on-load \(mode.rawValue): \(difference)")
                }
                print("  \(entry.name.padding(toLength: 22, withPad: " ", startingAt: 0))\(figures) (\(entry.kind))")
            }
        }
    }

    /// Reads a little-endian float32 CHW tensor written by the reference script.
    static func readTensor(_ url: URL, size: Int) throws -> ImageTensor {
        let data = try Data(contentsOf: url)
        try #require(data.count == 3 * size * size * 4, "\(url.lastPathComponent) has \(data.count) bytes")
        let values = data.withUnsafeBytes { raw in
            (0..<(data.count / 4)).map {
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
            }
        }
        return ImageTensor(size: size, values: values)
    }
}
