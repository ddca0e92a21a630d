import Foundation
import Testing
import ViewfinderCore
import ViewfinderImaging

@Suite("VipsImageDecoder: colours, geometry and formats")
struct VipsImageDecoderTests {
    @Test("a red 640×480 JPEG becomes a 3×224×224 tensor of normalised red")
    func redJPEG() async throws {
        try await ImagingFixture.with { fixture in
            let file = try await fixture.write(
                .solid(width: 640, height: 480, colour: [255, 0, 0]), as: "red.jpg"
            )
            let decoded = try await fixture.decoder().decode(file, for: ImagingFixture.clip)

            #expect(decoded.width == 640)
            #expect(decoded.height == 480)
            #expect(decoded.tensor.size == 224)
            #expect(decoded.tensor.values.count == 3 * 224 * 224)
            let expected = [normalised(255, channel: 0), normalised(0, channel: 1), normalised(0, channel: 2)]
            for channel in 0..<3 {
                let mean = decoded.tensor.mean(channel: channel, x: 0..<224, y: 0..<224)
                // JPEG may move a saturated colour by a couple of levels (≈ 0.03 normalised).
                #expect(abs(mean - expected[channel]) < 0.05, "channel \(channel): \(mean) vs \(expected[channel])")
            }
        }
    }

    @Test("shortest side + centre crop keeps the middle of a portrait picture")
    func portraitCentreCrop() async throws {
        try await ImagingFixture.with { fixture in
            let file = try await fixture.write(Self.stripedPortrait(), as: "portrait.png")
            let decoded = try await fixture.decoder().decode(file, for: ImagingFixture.clip)

            #expect(decoded.width == 300)
            #expect(decoded.height == 600)
            // The crop is rows 150..<450 of the original: all red.
            let top = decoded.tensor.meanColour(x: 0..<224, y: 0..<10, spec: ImagingFixture.clip)
            let bottom = decoded.tensor.meanColour(x: 0..<224, y: 214..<224, spec: ImagingFixture.clip)
            let middle = decoded.tensor.meanColour(x: 0..<224, y: 100..<124, spec: ImagingFixture.clip)
            for colour in [top, bottom, middle] {
                #expect(colour[0] > 240 && colour[1] < 15 && colour[2] < 15, "expected red, got \(colour)")
            }
        }
    }

    @Test("squash keeps blue at the top and green at the bottom")
    func portraitSquash() async throws {
        try await ImagingFixture.with { fixture in
            let file = try await fixture.write(Self.stripedPortrait(), as: "portrait.png")
            var spec = ImagingFixture.clip
            spec.resizeMode = .squash
            let decoded = try await fixture.decoder().decode(file, for: spec)

            let top = decoded.tensor.meanColour(x: 0..<224, y: 0..<40, spec: spec)
            let middle = decoded.tensor.meanColour(x: 0..<224, y: 100..<124, spec: spec)
            let bottom = decoded.tensor.meanColour(x: 0..<224, y: 184..<224, spec: spec)
            #expect(top[2] > 240 && top[0] < 15 && top[1] < 15, "expected blue, got \(top)")
            #expect(middle[0] > 240 && middle[1] < 15 && middle[2] < 15, "expected red, got \(middle)")
            #expect(bottom[1] > 240 && bottom[0] < 15 && bottom[2] < 15, "expected green, got \(bottom)")
        }
    }

    @Test("a small picture is enlarged to the model size")
    func upscalesSmallPicture() async throws {
        try await ImagingFixture.with { fixture in
            let file = try await fixture.write(
                .solid(width: 40, height: 30, colour: [10, 200, 90]), as: "small.png"
            )
            let decoded = try await fixture.decoder().decode(file, for: ImagingFixture.clip)
            let colour = decoded.tensor.meanColour(x: 0..<224, y: 0..<224, spec: ImagingFixture.clip)
            #expect(decoded.tensor.size == 224)
            #expect(abs(colour[0] - 10) < 1 && abs(colour[1] - 200) < 1 && abs(colour[2] - 90) < 1)
        }
    }

    @Test("other model sizes and normalisations are honoured")
    func otherSpec() async throws {
        try await ImagingFixture.with { fixture in
            let file = try await fixture.write(
                .solid(width: 500, height: 700, colour: [128, 128, 128]), as: "grey.png"
            )
            let spec = PreprocessSpec(imageSize: 64, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5])
            let decoded = try await fixture.decoder().decode(file, for: spec)
            #expect(decoded.tensor.size == 64)
            let expected = (128 / 255 - 0.5) / 0.5 as Float
            #expect(decoded.tensor.values.allSatisfy { abs($0 - expected) < 1e-5 })
        }
    }

    @Test("PNG alpha is ignored, keeping the stored colour (like Pillow's convert(\"RGB\"))")
    func pngWithAlpha() async throws {
        try await ImagingFixture.with { fixture in
            let pixels = try PixelBuffer.solid(width: 300, height: 300, layout: .rgba, colour: [0, 0, 255, 0])
            let file = try await fixture.write(pixels, as: "transparent.png")
            let decoded = try await fixture.decoder().decode(file, for: ImagingFixture.clip)
            let colour = decoded.tensor.meanColour(x: 0..<224, y: 0..<224, spec: ImagingFixture.clip)
            #expect(abs(colour[0]) < 0.5 && abs(colour[1]) < 0.5 && abs(colour[2] - 255) < 0.5, "\(colour)")
        }
    }

    @Test("greyscale, grey+alpha and 16-bit PNGs become 8-bit RGB", arguments: [
        PixelBuffer.Layout.grey, .greyAlpha, .rgb, .rgba,
    ])
    func sixteenBitAndGreyPNG(layout: PixelBuffer.Layout) async throws {
        try await ImagingFixture.with { fixture in
            // 16-bit 0x8080 becomes 8-bit 0x80 (libvips keeps the high byte).
            let samples = [UInt16](repeating: 0x8080, count: 260 * 250 * layout.bands)
            let wide = try PixelBuffer(width: 260, height: 250, layout: layout, samples: samples)
            let narrow = try PixelBuffer.solid(
                width: 260, height: 250, layout: layout, colour: [UInt8](repeating: 0x80, count: layout.bands)
            )
            for (pixels, name) in [(wide, "wide-\(layout).png"), (narrow, "narrow-\(layout).png")] {
                let file = try await fixture.write(pixels, as: name)
                let decoded = try await fixture.decoder().decode(file, for: ImagingFixture.clip)
                #expect(decoded.width == 260 && decoded.height == 250)
                for channel in 0..<3 {
                    let expected = normalised(128, channel: channel)
                    #expect(abs(decoded.tensor.mean(channel: channel, x: 0..<224, y: 0..<224) - expected) < 1e-4, "\(name)")
                }
            }
        }
    }

    @Test("a CMYK JPEG is converted to RGB")
    func cmykJPEG() async throws {
        try await ImagingFixture.with { fixture in
            // No ink at all is white paper.
            let pixels = try PixelBuffer.solid(width: 300, height: 300, layout: .cmyk, colour: [0, 0, 0, 0])
            let file = try await fixture.write(pixels, as: "cmyk.jpg")
            let decoded = try await fixture.decoder().decode(file, for: ImagingFixture.clip)
            let colour = decoded.tensor.meanColour(x: 0..<224, y: 0..<224, spec: ImagingFixture.clip)
            #expect(colour.allSatisfy { $0 > 235 }, "expected near white, got \(colour)")
        }
    }

    /// 300×600: blue rows 0..<150, red rows 150..<450, green rows 450..<600.
    static func stripedPortrait() throws -> PixelBuffer {
        try Pictures.rgb(width: 300, height: 600) { _, y in
            y < 150 ? [0, 0, 255] : y < 450 ? [255, 0, 0] : [0, 255, 0]
        }
    }
}
