import Foundation
import Testing
import ViewfinderCore
import ViewfinderImaging

@Suite("VipsImageDecoder: EXIF orientation")
struct OrientationTests {
    static let red: [UInt8] = [255, 0, 0]
    static let green: [UInt8] = [0, 255, 0]
    static let blue: [UInt8] = [0, 0, 255]
    static let white: [UInt8] = [255, 255, 255]

    /// Displayed quadrant colours (top-left, top-right, bottom-left, bottom-right) per orientation,
    /// for a stored picture with red, green / blue, white quadrants.
    static let expectedQuadrants: [Int: [[UInt8]]] = [
        1: [red, green, blue, white],
        2: [green, red, white, blue],
        3: [white, blue, green, red],
        4: [blue, white, red, green],
        5: [red, blue, green, white],
        6: [blue, red, white, green],
        7: [white, green, blue, red],
        8: [green, white, red, blue],
    ]

    @Test("quadrants land where the orientation tag says, and sizes are reported upright", arguments: 1...8)
    func quadrants(orientation: Int) async throws {
        try await ImagingFixture.with { fixture in
            let stored = try Pictures.rgb(width: 300, height: 200) { x, y in
                switch (x < 150, y < 100) {
                case (true, true): Self.red
                case (false, true): Self.green
                case (true, false): Self.blue
                case (false, false): Self.white
                }
            }
            // libvips writes the orientation tag into JPEG's EXIF only (not PNG), hence JPEG.
            let file = try await fixture.write(
                stored, as: "quadrants-\(orientation).jpg", format: .jpeg(quality: 100), orientation: orientation
            )
            var spec = ImagingFixture.clip
            spec.resizeMode = .squash
            let decoded = try await fixture.decoder().decode(file, for: spec)

            let swapped = orientation >= 5
            #expect(decoded.width == (swapped ? 200 : 300))
            #expect(decoded.height == (swapped ? 300 : 200))
            let regions = [(0..<100, 0..<100), (124..<224, 0..<100), (0..<100, 124..<224), (124..<224, 124..<224)]
            let expected = try #require(Self.expectedQuadrants[orientation])
            for (region, colour) in zip(regions, expected) {
                let actual = decoded.tensor.meanColour(x: region.0, y: region.1, spec: spec)
                let distance = zip(actual, colour).map { abs($0 - Float($1)) }.max() ?? 0
                #expect(distance < 4, "orientation \(orientation): expected \(colour), got \(actual)")
            }
        }
    }

    @Test("a JPEG's orientation tag is honoured too")
    func jpegOrientation() async throws {
        try await ImagingFixture.with { fixture in
            // Stored landscape: left half red, right half blue; tag 6 turns it portrait, red on top.
            let stored = try Pictures.rgb(width: 640, height: 480) { x, _ in x < 320 ? Self.red : Self.blue }
            let file = try await fixture.write(stored, as: "rotated.jpg", orientation: 6)
            var spec = ImagingFixture.clip
            spec.resizeMode = .squash
            let decoded = try await fixture.decoder().decode(file, for: spec)

            #expect(decoded.width == 480 && decoded.height == 640)
            let top = decoded.tensor.meanColour(x: 0..<224, y: 0..<90, spec: spec)
            let bottom = decoded.tensor.meanColour(x: 0..<224, y: 134..<224, spec: spec)
            #expect(top[0] > 240 && top[2] < 15, "expected red on top, got \(top)")
            #expect(bottom[2] > 240 && bottom[0] < 15, "expected blue at the bottom, got \(bottom)")
        }
    }

    @Test(
        "cropping in the stored frame equals cropping the upright picture",
        arguments: 2...8, [PreprocessSpec.ResizeMode.shortestSideThenCenterCrop, .squash]
    )
    func cropMatchesUpright(orientation: Int, mode: PreprocessSpec.ResizeMode) async throws {
        try await ImagingFixture.with { fixture in
            // Odd size differences make the crop offsets round, where a wrong mapping would shift a pixel;
            // the fine pattern makes a one-pixel shift obvious. Quality 100 without chroma
            // subsampling keeps JPEG's own error to about one level.
            let stored = try Pictures.fine(width: 455, height: 263)
            let upright = Self.orient(stored, orientation)
            let tagged = try await fixture.write(stored, as: "tagged.jpg", format: .jpeg(quality: 100), orientation: orientation)
            let plain = try await fixture.write(upright, as: "upright.jpg", format: .jpeg(quality: 100))
            var spec = ImagingFixture.clip
            spec.resizeMode = mode

            let fromTagged = try await fixture.decoder().decode(tagged, for: spec)
            let fromUpright = try await fixture.decoder().decode(plain, for: spec)

            #expect(fromTagged.width == upright.width && fromTagged.height == upright.height)
            let difference = fromTagged.tensor.difference(to: fromUpright.tensor)
            // Only JPEG's rounding and the order of the resize passes differ.
            #expect(difference.mean < 0.01, "mean difference \(difference.mean)")
            #expect(difference.max < 0.1, "max difference \(difference.max)")
        }
    }

    /// Applies EXIF `orientation` to an RGB picture, as a viewer would display it.
    static func orient(_ stored: PixelBuffer, _ orientation: Int) -> PixelBuffer {
        let (width, height) = (stored.width, stored.height)
        let swapped = orientation >= 5
        let (outWidth, outHeight) = swapped ? (height, width) : (width, height)
        var samples = [UInt8](repeating: 0, count: stored.bytes.count)
        for y in 0..<outHeight {
            for x in 0..<outWidth {
                let (sx, sy): (Int, Int) = switch orientation {
                case 2: (width - 1 - x, y)
                case 3: (width - 1 - x, height - 1 - y)
                case 4: (x, height - 1 - y)
                case 5: (y, x)
                case 6: (y, height - 1 - x)
                case 7: (width - 1 - y, height - 1 - x)
                case 8: (width - 1 - y, x)
                default: (x, y)
                }
                for band in 0..<3 {
                    samples[(y * outWidth + x) * 3 + band] = stored.bytes[(sy * width + sx) * 3 + band]
                }
            }
        }
        // The sizes and sample count are unchanged, so this cannot fail.
        return (try? PixelBuffer(width: outWidth, height: outHeight, layout: .rgb, samples: samples)) ?? stored
    }
}
