import Foundation
import NIOPosix
import Testing
import ViewfinderCore
import ViewfinderImaging

@Suite("VipsImageDecoder: broken and refused files")
struct DecodeErrorTests {
    /// Decodes `file` and returns the error it must throw.
    static func failure(
        decoding file: URL, with fixture: ImagingFixture,
        configuration: ImagingConfiguration = ImagingConfiguration()
    ) async throws -> ViewfinderError {
        let decoded: DecodedImage
        do {
            decoded = try await fixture.decoder(configuration).decode(file, for: ImagingFixture.clip)
        } catch {
            return error
        }
        Issue.record("expected an error, decoded \(decoded.width)×\(decoded.height)")
        throw CancellationError()
    }

    @Test("a file that does not exist")
    func missingFile() async throws {
        try await ImagingFixture.with { fixture in
            let error = try await Self.failure(
                decoding: fixture.directory.appendingPathComponent("nowhere.jpg"), with: fixture
            )
            #expect(error.code == .decodeFailed)
            #expect(error.message == "nowhere.jpg: file does not exist")
        }
    }

    @Test("an empty file")
    func emptyFile() async throws {
        try await ImagingFixture.with { fixture in
            let file = try fixture.writeBytes(Data(), as: "empty.jpg")
            let error = try await Self.failure(decoding: file, with: fixture)
            #expect(error.code == .decodeFailed)
            #expect(error.message == "empty.jpg: file is empty")
        }
    }

    @Test("a folder")
    func folder() async throws {
        try await ImagingFixture.with { fixture in
            let error = try await Self.failure(decoding: fixture.directory, with: fixture)
            #expect(error.code == .decodeFailed)
            #expect(error.message.hasSuffix("is a folder, not an image file"))
        }
    }

    @Test("text named .jpg")
    func textFile() async throws {
        try await ImagingFixture.with { fixture in
            let file = try fixture.writeBytes(Data("these are not the pixels you are looking for\n".utf8), as: "notes.jpg")
            let error = try await Self.failure(decoding: file, with: fixture)
            #expect(error.code == .decodeFailed)
            #expect(error.message == "notes.jpg: not an image or unsupported format")
            #expect(error.underlying is VipsFailure)
        }
    }

    @Test("formats only untrusted loaders read (BMP via ImageMagick) are refused by default")
    func untrustedLoaderBlocked() async throws {
        try await ImagingFixture.with { fixture in
            let file = try fixture.writeBytes(Self.bitmap(width: 4, height: 4), as: "old.bmp")
            let error = try await Self.failure(decoding: file, with: fixture)
            #expect(error.code == .decodeFailed)
            #expect(error.message == "old.bmp: not an image or unsupported format")
        }
    }

    /// A minimal uncompressed 24-bit Windows bitmap.
    static func bitmap(width: Int, height: Int) -> Data {
        let rowBytes = (width * 3 + 3) / 4 * 4
        let pixelBytes = rowBytes * height
        var data = Data()
        func append(_ value: Int, bytes: Int) {
            for index in 0..<bytes { data.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
        }
        data.append(contentsOf: Array("BM".utf8))
        append(54 + pixelBytes, bytes: 4)
        append(0, bytes: 4)
        append(54, bytes: 4)
        append(40, bytes: 4)
        append(width, bytes: 4)
        append(height, bytes: 4)
        append(1, bytes: 2)
        append(24, bytes: 2)
        append(0, bytes: 4)
        append(pixelBytes, bytes: 4)
        append(2835, bytes: 4)
        append(2835, bytes: 4)
        append(0, bytes: 4)
        append(0, bytes: 4)
        data.append(contentsOf: [UInt8](repeating: 0x80, count: pixelBytes))
        return data
    }

    @Test("a JPEG header followed by garbage is decoded as far as possible, like Pillow does")
    func corruptJPEG() async throws {
        try await ImagingFixture.with { fixture in
            let good = try await fixture.write(try Pictures.asymmetric(width: 640, height: 480), as: "good.jpg")
            var bytes = try Data(contentsOf: good)
            // Keep the headers, overwrite the entropy-coded data. libjpeg only warns
            // about corrupt data (Pillow loads such files too), so this is not an error.
            for index in 1000..<(bytes.count - 2) {
                bytes[index] = 0xFF
            }
            let file = try fixture.writeBytes(bytes, as: "garbage.jpg")
            let decoded = try await fixture.decoder().decode(file, for: ImagingFixture.clip)
            #expect(decoded.width == 640 && decoded.height == 480)
        }
    }

    @Test("a truncated JPEG is refused by default and decoded when allowed")
    func truncatedJPEG() async throws {
        try await ImagingFixture.with { fixture in
            let good = try await fixture.write(try Pictures.asymmetric(width: 1200, height: 900), as: "whole.jpg")
            let bytes = try Data(contentsOf: good)
            let file = try fixture.writeBytes(bytes.prefix(bytes.count / 2), as: "half.jpg")

            let error = try await Self.failure(decoding: file, with: fixture)
            #expect(error.code == .decodeFailed)
            #expect(error.message == "half.jpg: file is truncated or corrupt")

            let lenient = ImagingConfiguration(rejectTruncated: false)
            let decoded = try await fixture.decoder(lenient).decode(file, for: ImagingFixture.clip)
            #expect(decoded.width == 1200 && decoded.height == 900)
        }
    }

    @Test("a truncated PNG is refused")
    func truncatedPNG() async throws {
        try await ImagingFixture.with { fixture in
            let good = try await fixture.write(try Pictures.asymmetric(width: 400, height: 300), as: "whole.png")
            let bytes = try Data(contentsOf: good)
            let file = try fixture.writeBytes(bytes.prefix(bytes.count / 2), as: "half.png")
            let error = try await Self.failure(decoding: file, with: fixture)
            #expect(error.code == .decodeFailed)
            #expect(error.message.hasPrefix("half.png: "))
        }
    }

    @Test("pictures above the pixel limit are refused before decoding")
    func pixelLimit() async throws {
        try await ImagingFixture.with { fixture in
            let file = try await fixture.write(.solid(width: 20, height: 10, colour: [1, 2, 3]), as: "big.png")
            let error = try await Self.failure(
                decoding: file, with: fixture, configuration: ImagingConfiguration(maxPixels: 100)
            )
            #expect(error.code == .invalidInput)
            #expect(error.message == "big.png: the image is 20×10 pixels, more than the limit of 100 pixels")

            let atLimit = ImagingConfiguration(maxPixels: 200)
            _ = try await fixture.decoder(atLimit).decode(file, for: ImagingFixture.clip)
        }
    }

    @Test("an unusable preprocessing spec")
    func invalidSpec() async throws {
        try await ImagingFixture.with { fixture in
            let file = try await fixture.write(.solid(width: 20, height: 10, colour: [1, 2, 3]), as: "ok.png")
            let spec = PreprocessSpec(imageSize: 224, mean: [0.5], std: [0.5])
            await #expect(throws: ViewfinderError.self) {
                _ = try await fixture.decoder().decode(file, for: spec)
            }
        }
    }

    @Test("a stopped thread pool is reported, not a crash")
    func stoppedPool() async throws {
        let pool = NIOThreadPool(numberOfThreads: 1)  // never started, so it refuses work
        let decoder = VipsImageDecoder(runtime: try VipsRuntime(), threadPool: pool)
        do {
            _ = try await decoder.decode(URL(fileURLWithPath: "/tmp/x.jpg"), for: ImagingFixture.clip)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .internalFailure)
        }
    }
}
