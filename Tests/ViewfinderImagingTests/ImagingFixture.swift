import Foundation
import NIOPosix
import ViewfinderCore
import ViewfinderImaging
import ViewfinderTestSupport

/// A started libvips runtime, a 2-thread pool, an encoder and a scratch folder for one test.
struct ImagingFixture {
    let runtime: VipsRuntime
    let pool: NIOThreadPool
    let encoder: VipsImageEncoder
    let directory: URL

    /// OpenAI CLIP's normalisation at 224 px.
    static let clip = PreprocessSpec(
        imageSize: 224,
        mean: [0.48145466, 0.4578275, 0.40821073],
        std: [0.26862954, 0.26130258, 0.27577711]
    )

    /// Runs `body` with a fresh fixture and shuts the pool down afterwards.
    static func with<T>(
        threads: Int = 2,
        _ body: (ImagingFixture) async throws -> T
    ) async throws -> T {
        let runtime = try VipsRuntime()
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        let directory = try TestPaths.makeTemporaryDirectory("viewfinder-imaging")
        let fixture = ImagingFixture(
            runtime: runtime, pool: pool,
            encoder: VipsImageEncoder(runtime: runtime, threadPool: pool),
            directory: directory
        )
        do {
            let result = try await body(fixture)
            try await pool.shutdownGracefully()
            try? FileManager.default.removeItem(at: directory)
            return result
        } catch {
            try? await pool.shutdownGracefully()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// A decoder on this fixture's pool.
    func decoder(_ configuration: ImagingConfiguration = ImagingConfiguration()) -> VipsImageDecoder {
        VipsImageDecoder(runtime: runtime, threadPool: pool, configuration: configuration)
    }

    /// Writes `pixels` into the scratch folder as `name` and returns its URL.
    @discardableResult
    func write(
        _ pixels: PixelBuffer, as name: String, format: VipsImageEncoder.Format? = nil, orientation: Int = 1
    ) async throws -> URL {
        let url = directory.appendingPathComponent(name)
        let format = format ?? (name.hasSuffix(".png") ? .png : .jpeg(quality: 95))
        try await encoder.write(pixels, to: url, as: format, orientation: orientation)
        return url
    }

    /// Writes raw bytes (for broken files) into the scratch folder.
    func writeBytes(_ bytes: Data, as name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try bytes.write(to: url)
        return url
    }
}

/// Builds test pictures pixel by pixel.
enum Pictures {
    /// An RGB picture whose pixel colours come from `colour(x, y)`.
    static func rgb(width: Int, height: Int, _ colour: (Int, Int) -> [UInt8]) throws -> PixelBuffer {
        var samples = [UInt8]()
        samples.reserveCapacity(width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                samples.append(contentsOf: colour(x, y))
            }
        }
        return try PixelBuffer(width: width, height: height, layout: .rgb, samples: samples)
    }

    /// A smooth but asymmetric pattern, so any wrong flip, rotation or offset shows.
    static func asymmetric(width: Int, height: Int) throws -> PixelBuffer {
        try rgb(width: width, height: height) { x, y in
            let fx = Double(x) / Double(width)
            let fy = Double(y) / Double(height)
            return [
                UInt8(255 * fx),
                UInt8(255 * fy),
                UInt8(127.5 + 127.5 * sin(9 * fx + 5 * fy * fy)),
            ]
        }
    }
}

extension Pictures {
    /// A fine, direction-dependent wave pattern (periods of 23 and 31 px): a one-pixel shift changes many values.
    static func fine(width: Int, height: Int) throws -> PixelBuffer {
        try rgb(width: width, height: height) { x, y in
            let fx = Double(x)
            let fy = Double(y)
            return [
                UInt8(127.5 + 127.5 * sin(2 * .pi * fx / 23)),
                UInt8(127.5 + 127.5 * sin(2 * .pi * fy / 31)),
                UInt8(255 * (fx + 2 * fy) / Double(width + 2 * height)),
            ]
        }
    }
}

extension ImageTensor {
    /// The normalised value of `channel` at (`x`, `y`).
    func value(channel: Int, x: Int, y: Int) -> Float {
        values[channel * size * size + y * size + x]
    }

    /// The mean of `channel` over the rectangle [x0, x1) × [y0, y1).
    func mean(channel: Int, x: Range<Int>, y: Range<Int>) -> Float {
        var sum: Float = 0
        for row in y {
            for column in x {
                sum += value(channel: channel, x: column, y: row)
            }
        }
        return sum / Float(x.count * y.count)
    }

    /// The mean RGB over a rectangle, converted back to 0...255 with `spec`'s normalisation.
    func meanColour(x: Range<Int>, y: Range<Int>, spec: PreprocessSpec) -> [Float] {
        (0..<3).map { channel in
            (mean(channel: channel, x: x, y: y) * spec.std[channel] + spec.mean[channel]) * 255
        }
    }

    /// Mean and maximum absolute difference to `other` (same size).
    func difference(to other: ImageTensor) -> (mean: Float, max: Float) {
        var sum: Float = 0
        var largest: Float = 0
        for (a, b) in zip(values, other.values) {
            let difference = abs(a - b)
            sum += difference
            largest = max(largest, difference)
        }
        return (sum / Float(values.count), largest)
    }
}

/// `(v / 255 - mean) / std` for one 8-bit value.
func normalised(_ value: Float, channel: Int, spec: PreprocessSpec = ImagingFixture.clip) -> Float {
    (value / 255 - spec.mean[channel]) / spec.std[channel]
}
