import Foundation
import NIOPosix
import ViewfinderCore
import ViewfinderImaging

/// The fidelity table: Viewfinder's tensors against `tools/reference/preprocess.py` on the fidelity corpus.
struct DecodeFidelity {
    /// The folder with the reference tensors (`i.f32`) and `fidelity.json`.
    let folder: URL
    let spec: PreprocessSpec
    let runtime: VipsRuntime

    private struct Entry: Decodable {
        let name: String
        let kind: String
        let file: String
        let index: Int
    }

    /// Measures every picture in both modes, prints the table and writes BENCHMARKS.md's fidelity section.
    func report(pillowVersion: String, output: URL) throws {
        let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: folder.appendingPathComponent("fidelity.json")))
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        defer { try? pool.syncShutdownGracefully() }
        let spec = self.spec
        let modes = ShrinkOnLoad.allCases
        let decoders = modes.map {
            VipsImageDecoder(runtime: runtime, threadPool: pool, configuration: ImagingConfiguration(shrinkOnLoad: $0))
        }
        var rows: [[String]] = []
        var worst: Float = 0
        for entry in entries {
            let expected = try Self.readTensor(folder.appendingPathComponent("\(entry.index).f32"))
            let url = URL(fileURLWithPath: entry.file)
            let differences = try BlockingTask.run {
                var result: [(mean: Float, max: Float)] = []
                for decoder in decoders {
                    result.append(Self.difference(try await decoder.decode(url, for: spec).tensor.values, expected))
                }
                return result
            }
            worst = max(worst, differences.map(\.mean).max() ?? 0)
            rows.append([entry.name, entry.kind] + differences.flatMap {
                [String(format: "%.4f", $0.mean), String(format: "%.3f", $0.max)]
            })
        }
        let header = ["picture", "kind"] + modes.flatMap { ["mean |Δ| \($0.rawValue)", "max |Δ| \($0.rawValue)"] }
        let table = BenchmarkReport.table(header: header, rows: rows)
        print(table)
        let body = """
            ## Preprocessing fidelity

            Written by `make bench-decode`; the same comparison runs in the test suite \
            (`FidelityTests`, bar: mean ≤ 0.03). Absolute differences, in normalised units \
            ((v/255 − mean)/std, CLIP's statistics, \(spec.imageSize) px), between Viewfinder's tensors and \
            `tools/reference/preprocess.py` (Pillow \(pillowVersion): `exif_transpose`, `convert("RGB")`, BICUBIC \
            shortest side, centre crop) on `tools/samples/generate_fidelity_corpus.py`'s pictures: Debian \
            wallpaper photographs plus portrait, EXIF-rotated, alpha, CMYK, greyscale, palette and small \
            pictures derived from them, for each shrink-on-load mode (`off` is exact mode; `fast`, the default, \
            shrinks JPEGs as far as Pillow's `draft()`). One 8-bit level is about 0.015 normalised units. Largest \
            mean: \(String(format: "%.4f", worst)). See docs/imaging.md for what the remaining differences are.

            \(table)
            """
        try BenchmarkReport.writeSection("fidelity", body: body, to: output)
        print("wrote the fidelity section of \(output.path)")
    }

    static func difference(_ values: [Float], _ expected: [Float]) -> (mean: Float, max: Float) {
        var sum: Float = 0
        var largest: Float = 0
        for (a, b) in zip(values, expected) {
            sum += abs(a - b)
            largest = max(largest, abs(a - b))
        }
        return (sum / Float(max(1, values.count)), largest)
    }

    static func readTensor(_ url: URL) throws -> [Float] {
        let data = try Data(contentsOf: url)
        return data.withUnsafeBytes { raw in
            (0..<(data.count / 4)).map {
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
            }
        }
    }
}
