import Foundation
import Testing
import ViewfinderCore
import ViewfinderImaging
import ViewfinderTestSupport

/// Decoding, metadata and thumbnails from bytes in memory (what the indexer and uploads use) must give exactly
/// what the same bytes give from a file: same tensors, same sizes, same errors.
@Suite("VipsImageDecoder: decoding from bytes in memory equals decoding from the file")
struct DecodeFromBytesTests {
    static func bytes(of file: URL) throws -> PictureBytes {
        PictureBytes(name: file.lastPathComponent, bytes: Array(try Data(contentsOf: file)))
    }

    /// Decodes `file` both ways with `configuration` and expects identical results.
    static func expectSame(
        _ file: URL, fixture: ImagingFixture, configuration: ImagingConfiguration, spec: PreprocessSpec = ImagingFixture.clip,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let decoder = fixture.decoder(configuration)
        let fromFile = try await decoder.decode(file, for: spec)
        let fromBytes = try await decoder.decode(try bytes(of: file), for: spec)
        #expect(fromBytes.width == fromFile.width && fromBytes.height == fromFile.height, sourceLocation: sourceLocation)
        let difference = fromBytes.tensor.difference(to: fromFile.tensor)
        #expect(
            difference.max == 0, "\(file.lastPathComponent), \(configuration.shrinkOnLoad): \(difference)",
            sourceLocation: sourceLocation)
    }

    @Test("JPEG, baseline and progressive, small and large enough to shrink, in every shrink-on-load mode", arguments:
        ShrinkOnLoad.allCases, [VipsImageEncoder.Format.jpeg(quality: 90), .progressiveJPEG(quality: 90)])
    func jpeg(mode: ShrinkOnLoad, format: VipsImageEncoder.Format) async throws {
        try await ImagingFixture.with { fixture in
            // 900×700 decodes at 1:1 or 1/2; 3600×2000 at 1/8 in fast (where a progressive one drops its AC scans).
            for (width, height) in [(900, 700), (3600, 2000)] {
                let file = try await fixture.write(
                    try Pictures.asymmetric(width: width, height: height), as: "\(width).jpg", format: format, orientation: 6)
                try await Self.expectSame(file, fixture: fixture, configuration: ImagingConfiguration(shrinkOnLoad: mode))
            }
        }
    }

    @Test("PNG (with alpha and 16-bit), greyscale and CMYK JPEG, and WebP", arguments: ShrinkOnLoad.allCases)
    func otherFormats(mode: ShrinkOnLoad) async throws {
        try await ImagingFixture.with { fixture in
            let configuration = ImagingConfiguration(shrinkOnLoad: mode)
            let png = try await fixture.write(try Pictures.asymmetric(width: 640, height: 480), as: "plain.png")
            let alpha = try await fixture.write(
                try PixelBuffer.solid(width: 300, height: 200, layout: .rgba, colour: [200, 20, 40, 128]), as: "alpha.png")
            let grey = try await fixture.write(
                try PixelBuffer.solid(width: 900, height: 700, layout: .grey, colour: [0x80]), as: "grey.jpg")
            let cmyk = try await fixture.write(
                try PixelBuffer.solid(width: 300, height: 300, layout: .cmyk, colour: [10, 200, 30, 0]), as: "cmyk.jpg")
            for file in [png, alpha, grey, cmyk] {
                try await Self.expectSame(file, fixture: fixture, configuration: configuration)
            }
            // The encoder writes no WebP; the thumbnail store does.
            let store = VipsThumbnailStore(
                directory: fixture.directory.appendingPathComponent("webp"), format: .webp, runtime: fixture.runtime,
                threadPool: fixture.pool)
            let hash = String(repeating: "ab", count: 32)
            let webp = try await store.thumbnail(for: hash, size: .fit720, source: png)
            try await Self.expectSame(webp, fixture: fixture, configuration: configuration)
        }
    }

    @Test("broken, empty, unknown, truncated and oversized pictures fail with the same message from bytes")
    func sameErrors() async throws {
        try await ImagingFixture.with { fixture in
            let good = try await fixture.write(try Pictures.asymmetric(width: 2000, height: 1800), as: "good.jpg")
            let whole = try Data(contentsOf: good)
            let progressive = try Data(contentsOf: try await fixture.write(
                try Pictures.asymmetric(width: 3600, height: 2000), as: "p.jpg", format: .progressiveJPEG(quality: 90)))
            let cases: [(URL, ImagingConfiguration)] = [
                (try fixture.writeBytes(Data(), as: "empty.jpg"), ImagingConfiguration()),
                (try fixture.writeBytes(Data("not pixels\n".utf8), as: "notes.jpg"), ImagingConfiguration()),
                (try fixture.writeBytes(whole.prefix(whole.count / 2), as: "half.jpg"), ImagingConfiguration()),
                (try fixture.writeBytes(whole.prefix(whole.count / 2), as: "half-off.jpg"), ImagingConfiguration(shrinkOnLoad: .off)),
                (try fixture.writeBytes(progressive.prefix(progressive.count * 3 / 4), as: "cut.jpg"), ImagingConfiguration()),
                (try fixture.writeBytes(whole.prefix(200), as: "header.jpg"), ImagingConfiguration()),
                (good, ImagingConfiguration(maxPixels: 1000)),
            ]
            for (file, configuration) in cases {
                let decoder = fixture.decoder(configuration)
                let fromFile = await #expect(throws: ViewfinderError.self) {
                    _ = try await decoder.decode(file, for: ImagingFixture.clip)
                }
                let fromBytes = await #expect(throws: ViewfinderError.self) {
                    _ = try await decoder.decode(try Self.bytes(of: file), for: ImagingFixture.clip)
                }
                #expect(fromBytes?.code == fromFile?.code, "\(file.lastPathComponent)")
                #expect(fromBytes?.message == fromFile?.message, "\(file.lastPathComponent)")
            }
            // Truncated files allowed: both ways decode the part that is there, identically.
            let lenient = ImagingConfiguration(rejectTruncated: false)
            try await Self.expectSame(cases[2].0, fixture: fixture, configuration: lenient)
            try await Self.expectSame(cases[4].0, fixture: fixture, configuration: lenient)
        }
    }

    @Test("metadata and thumbnails from bytes equal those read from the file")
    func metadataAndThumbnails() async throws {
        try await ImagingFixture.with { fixture in
            let file = try await fixture.write(
                try Pictures.asymmetric(width: 2400, height: 1600), as: "IMG_20240102_030405.jpg", orientation: 6)
            let reader = VipsMetadataReader(runtime: fixture.runtime, threadPool: fixture.pool)
            let fromFile = try await reader.details(of: file)
            let fromBytes = try await reader.details(of: try Self.bytes(of: file), modifiedAt: fromFile.modifiedAt)
            #expect(fromBytes == fromFile)
            #expect(fromBytes.orientation == 6 && fromBytes.width == 1600)

            let hash = String(repeating: "cd", count: 32)
            let byFile = VipsThumbnailStore(
                directory: fixture.directory.appendingPathComponent("file"), runtime: fixture.runtime, threadPool: fixture.pool)
            let byBytes = VipsThumbnailStore(
                directory: fixture.directory.appendingPathComponent("bytes"), runtime: fixture.runtime, threadPool: fixture.pool)
            try await byFile.prepareThumbnails(for: hash, source: file)
            try await byBytes.prepareThumbnails(for: hash, from: try Self.bytes(of: file))
            for size in ThumbnailSize.allCases {
                let a = try #require(try await byFile.cachedThumbnail(for: hash, size: size))
                let b = try #require(try await byBytes.cachedThumbnail(for: hash, size: size))
                #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(size)")
            }
            await #expect(throws: ViewfinderError.self) {
                try await byBytes.prepareThumbnails(
                    for: String(repeating: "ef", count: 32), from: PictureBytes(name: "empty.jpg", bytes: []))
            }
        }
    }
}
