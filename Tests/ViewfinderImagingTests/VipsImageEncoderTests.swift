import Foundation
import Testing
import ViewfinderCore
import ViewfinderImaging

@Suite("VipsImageEncoder and PixelBuffer")
struct VipsImageEncoderTests {
    @Test("pixel buffers check their sample count")
    func sampleCount() throws {
        #expect(throws: ViewfinderError.self) {
            try PixelBuffer(width: 2, height: 2, layout: .rgb, samples: [UInt8](repeating: 0, count: 11))
        }
        #expect(throws: ViewfinderError.self) {
            try PixelBuffer(width: 0, height: 2, layout: .grey, samples: [UInt8]())
        }
        #expect(throws: ViewfinderError.self) {
            try PixelBuffer.solid(width: 2, height: 2, layout: .rgba, colour: [1, 2, 3])
        }
        let wide = try PixelBuffer(width: 2, height: 1, layout: .grey, samples: [UInt16]([1, 2]))
        #expect(wide.bytes.count == 4 && wide.sampleFormat == .uint16)
    }

    @Test("written files exist and decode to the written size")
    func roundTrip() async throws {
        try await ImagingFixture.with { fixture in
            for format in [VipsImageEncoder.Format.jpeg(quality: 80), .png] {
                let name = format == .png ? "out.png" : "out.jpg"
                let file = try await fixture.write(try Pictures.asymmetric(width: 123, height: 45), as: name, format: format)
                let decoded = try await fixture.decoder().decode(file, for: ImagingFixture.clip)
                #expect(decoded.width == 123 && decoded.height == 45)
            }
        }
    }

    @Test("bad arguments and unwritable places are errors, not crashes")
    func failures() async throws {
        try await ImagingFixture.with { fixture in
            let pixels = try PixelBuffer.solid(width: 4, height: 4, colour: [1, 2, 3])
            let inMissingFolder = fixture.directory.appendingPathComponent("no/such/folder/x.png")
            await #expect(throws: ViewfinderError.self) {
                try await fixture.encoder.write(pixels, to: inMissingFolder, as: .png)
            }
            await #expect(throws: ViewfinderError.self) {
                try await fixture.encoder.write(pixels, to: fixture.directory.appendingPathComponent("x.jpg"), as: .jpeg(quality: 0))
            }
            await #expect(throws: ViewfinderError.self) {
                try await fixture.encoder.write(pixels, to: fixture.directory.appendingPathComponent("x.png"), as: .png, orientation: 9)
            }
            await #expect(throws: ViewfinderError.self) {
                try await fixture.encoder.write(pixels, to: fixture.directory.appendingPathComponent("x.png"), as: .png, orientation: 6)
            }
            do {
                try await fixture.encoder.write(pixels, to: inMissingFolder, as: .png)
                Issue.record("expected an error")
            } catch let error as ViewfinderError {
                #expect(error.code == .encodeFailed)
                #expect(error.message == "x.png: the image could not be written")
            }
        }
    }
}
