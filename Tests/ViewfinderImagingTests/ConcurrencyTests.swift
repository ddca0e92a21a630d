import Foundation
import Testing
import ViewfinderCore
import ViewfinderImaging

@Suite("VipsImageDecoder: concurrent use")
struct ConcurrencyTests {
    @Test("16 files decoded concurrently from many tasks equal sequential decodes")
    func concurrentEqualsSequential() async throws {
        try await ImagingFixture.with(threads: 2) { fixture in
            var files = [URL]()
            for index in 0..<16 {
                let pixels = try Pictures.rgb(width: 320 + 37 * index, height: 480 - 11 * index) { x, y in
                    [UInt8((x * (index + 1)) & 0xFF), UInt8((y * 3) & 0xFF), UInt8((x + y + 16 * index) & 0xFF)]
                }
                // JPEGs carry all eight orientations; PNGs cannot carry one.
                let isJPEG = index.isMultiple(of: 2)
                let name = isJPEG ? "photo-\(index).jpg" : "photo-\(index).png"
                files.append(try await fixture.write(pixels, as: name, orientation: isJPEG ? 1 + index / 2 : 1))
            }
            // Include failures, whose error text comes from the shared libvips error buffer.
            files.append(try fixture.writeBytes(Data("not an image".utf8), as: "bogus-1.jpg"))
            files.append(try fixture.writeBytes(Data("still not an image".utf8), as: "bogus-2.png"))

            let decoder = fixture.decoder()
            var sequential = [String]()
            for file in files {
                sequential.append(await Self.outcome(of: file, decoder))
            }

            let concurrent = await withTaskGroup(of: (Int, String).self) { group in
                for _ in 0..<3 {
                    for (index, file) in files.enumerated() {
                        group.addTask { (index, await Self.outcome(of: file, decoder)) }
                    }
                }
                var results = [Int: [String]]()
                for await (index, outcome) in group {
                    results[index, default: []].append(outcome)
                }
                return results
            }

            for (index, expected) in sequential.enumerated() {
                let outcomes = concurrent[index] ?? []
                #expect(outcomes.count == 3)
                for outcome in outcomes {
                    #expect(outcome == expected, "\(files[index].lastPathComponent)")
                }
            }
        }
    }

    /// A comparable summary of a decode: a hash of the tensor, or the error message.
    static func outcome(of file: URL, _ decoder: VipsImageDecoder) async -> String {
        do {
            let decoded = try await decoder.decode(file, for: ImagingFixture.clip)
            var hasher = Hasher()
            hasher.combine(decoded.tensor.values.map(\.bitPattern))
            return "\(decoded.width)x\(decoded.height) \(hasher.finalize())"
        } catch {
            return "\(error.code): \(error.message)"
        }
    }
}
