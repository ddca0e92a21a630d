import Foundation
import Testing
import ViewfinderCore
import ViewfinderImaging

/// Shrink-on-load `fast` decodes YCbCr and greyscale JPEGs with libjpeg directly (reduced precision);
/// these pin that it still agrees with libvips' exact decode and handles the layouts libvips did.
@Suite("VipsImageDecoder: the direct libjpeg decode of shrink-on-load fast")
struct DraftJPEGTests {
    @Test("fast agrees with exact mode on a detailed picture, at every shrink factor", arguments: [
        (640, 480), (1000, 900), (2000, 1800), (3600, 2000),
    ])
    func agreesWithExact(width: Int, height: Int) async throws {
        try await ImagingFixture.with { fixture in
            let file = try await fixture.write(try Pictures.asymmetric(width: width, height: height), as: "detail.jpg")
            let spec = ImagingFixture.clip
            let fast = try await fixture.decoder(ImagingConfiguration(shrinkOnLoad: .fast)).decode(file, for: spec)
            let exact = try await fixture.decoder(ImagingConfiguration(shrinkOnLoad: .off)).decode(file, for: spec)
            #expect(fast.width == width && fast.height == height)
            let difference = fast.tensor.difference(to: exact.tensor)
            #expect(difference.mean <= 0.03, "\(width)×\(height): \(difference)")
        }
    }

    @Test("a greyscale JPEG becomes three equal bands")
    func greyscaleJPEG() async throws {
        try await ImagingFixture.with { fixture in
            let pixels = try PixelBuffer.solid(width: 900, height: 700, layout: .grey, colour: [0x80])
            let file = try await fixture.write(pixels, as: "grey.jpg")
            let decoded = try await fixture.decoder(ImagingConfiguration(shrinkOnLoad: .fast))
                .decode(file, for: ImagingFixture.clip)
            #expect(decoded.width == 900 && decoded.height == 700)
            let colour = decoded.tensor.meanColour(x: 0..<224, y: 0..<224, spec: ImagingFixture.clip)
            #expect(colour.allSatisfy { abs($0 - 128) < 1.5 }, "expected mid grey, got \(colour)")
        }
    }

    @Test("a truncated large JPEG is refused in fast mode, and decoded when allowed", arguments: [
        // Baseline, shrunk by 4 while decoding; progressive, shrunk by 8 (its AC scans dropped before decoding).
        (VipsImageEncoder.Format.jpeg(quality: 95), 2000, 1800), (.progressiveJPEG(quality: 90), 3600, 2000),
    ])
    func truncatedLargeJPEG(format: VipsImageEncoder.Format, width: Int, height: Int) async throws {
        try await ImagingFixture.with { fixture in
            let pixels = try Pictures.asymmetric(width: width, height: height)
            let good = try await fixture.write(pixels, as: "whole.jpg", format: format)
            let bytes = try Data(contentsOf: good)
            let file = try fixture.writeBytes(bytes.prefix(bytes.count * 3 / 4), as: "cut.jpg")
            let error = try await DecodeErrorTests.failure(decoding: file, with: fixture)
            #expect(error.code == .decodeFailed)
            #expect(error.message == "cut.jpg: file is truncated or corrupt")
            let lenient = ImagingConfiguration(rejectTruncated: false, shrinkOnLoad: .fast)
            let decoded = try await fixture.decoder(lenient).decode(file, for: ImagingFixture.clip)
            #expect(decoded.width == width && decoded.height == height)
        }
    }

    @Test("a progressive JPEG decodes to exactly the pixels of its baseline twin, at every shrink factor", arguments: [
        (95, 900, 700), (95, 2000, 1800), (95, 3600, 2000), (75, 3600, 2000), (75, 1000, 900),
    ])
    func progressiveMatchesBaseline(quality: Int, width: Int, height: Int) async throws {
        // Same pixels, same quality: the same quantised coefficients, stored in another order. At 1/8 the
        // progressive decode skips the AC scans of full-resolution components (all three at quality 95,
        // where libvips keeps 4:4:4; luma only at 75, where chroma is halved and still needs its AC).
        try await ImagingFixture.with { fixture in
            let pixels = try Pictures.asymmetric(width: width, height: height)
            let baseline = try await fixture.write(pixels, as: "baseline.jpg", format: .jpeg(quality: quality))
            let progressive = try await fixture.write(
                pixels, as: "progressive.jpg", format: .progressiveJPEG(quality: quality))
            let decoder = fixture.decoder(ImagingConfiguration(shrinkOnLoad: .fast))
            let plain = try await decoder.decode(baseline, for: ImagingFixture.clip)
            let scans = try await decoder.decode(progressive, for: ImagingFixture.clip)
            #expect(scans.width == width && scans.height == height)
            let difference = scans.tensor.difference(to: plain.tensor)
            #expect(difference.max == 0, "\(quality) \(width)×\(height): \(difference)")
        }
    }
}
