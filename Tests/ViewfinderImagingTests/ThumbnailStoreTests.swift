import Foundation
import Testing
import ViewfinderCore
import ViewfinderImaging

@Suite("VipsThumbnailStore")
struct ThumbnailStoreTests {
    static let hash = "3fa2" + String(repeating: "0123456789abcdef", count: 3) + "0123456789ab"

    static func store(_ fixture: ImagingFixture, format: ThumbnailFormat = .jpeg, maxPixels: Int = 100_000_000) -> VipsThumbnailStore {
        VipsThumbnailStore(
            directory: fixture.directory.appendingPathComponent("cache/thumbnails"), format: format,
            runtime: fixture.runtime, threadPool: fixture.pool,
            configuration: ImagingConfiguration(maxPixels: maxPixels))
    }

    static func size(of file: URL, _ fixture: ImagingFixture) async throws -> (Int, Int, String) {
        let details = try await VipsMetadataReader(runtime: fixture.runtime, threadPool: fixture.pool).details(of: file)
        return (details.width, details.height, details.contentType.mimeType)
    }

    @Test("three sizes fit their box, keep the aspect ratio and live under the hash")
    func sizes() async throws {
        try await ImagingFixture.with { fixture in
            let source = try await fixture.write(Pictures.asymmetric(width: 3000, height: 2000), as: "big.jpg")
            let store = Self.store(fixture)
            #expect(try await store.cachedThumbnail(for: Self.hash, size: .fit256) == nil)
            try await store.prepareThumbnails(for: Self.hash, source: source)
            let expected: [ThumbnailSize: (Int, Int)] = [.fit256: (256, 171), .fit720: (720, 480), .fit1920: (1920, 1280)]
            for size in ThumbnailSize.allCases {
                let url = try #require(try await store.cachedThumbnail(for: Self.hash, size: size))
                #expect(url.path.hasSuffix("cache/thumbnails/3f/a2/\(Self.hash)_\(size.rawValue).jpg"))
                let (width, height, mime) = try await Self.size(of: url, fixture)
                #expect(width == expected[size]?.0 && height == expected[size]?.1, "\(size): \(width)×\(height)")
                #expect(mime == "image/jpeg")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(
                atPath: fixture.directory.appendingPathComponent("cache/thumbnails/3f/a2").path)
            #expect(leftovers.count == 3, "\(leftovers)")
        }
    }

    @Test("small pictures are never enlarged; orientation is applied")
    func neverUpscaledAndUpright() async throws {
        try await ImagingFixture.with { fixture in
            // Stored 400×300 with orientation 6: upright it is 300×400.
            let source = try await fixture.write(Pictures.asymmetric(width: 400, height: 300), as: "small.jpg", orientation: 6)
            let store = Self.store(fixture)
            let large = try await store.thumbnail(for: Self.hash, size: .fit1920, source: source)
            let (width, height, _) = try await Self.size(of: large, fixture)
            #expect(width == 300 && height == 400)
            let small = try await store.thumbnail(for: Self.hash, size: .fit256, source: source)
            let (smallWidth, smallHeight, _) = try await Self.size(of: small, fixture)
            #expect(smallWidth == 192 && smallHeight == 256)
        }
    }

    @Test("a cached thumbnail is returned without being made again")
    func cached() async throws {
        try await ImagingFixture.with { fixture in
            let source = try await fixture.write(Pictures.asymmetric(width: 800, height: 600), as: "photo.png")
            let store = Self.store(fixture, format: .webp)
            let first = try await store.thumbnail(for: Self.hash, size: .fit720, source: source)
            #expect(first.pathExtension == "webp")
            #expect(try await Self.size(of: first, fixture).2 == "image/webp")
            let stamp = try FileManager.default.attributesOfItem(atPath: first.path)[.modificationDate] as? Date
            try FileManager.default.removeItem(at: source)  // would fail if it were read again
            let second = try await store.thumbnail(for: Self.hash, size: .fit720, source: source)
            #expect(second == first)
            #expect(try FileManager.default.attributesOfItem(atPath: second.path)[.modificationDate] as? Date == stamp)
        }
    }

    @Test("transparent areas become white in JPEG thumbnails")
    func flattened() async throws {
        try await ImagingFixture.with { fixture in
            let pixels = try PixelBuffer.solid(width: 300, height: 300, layout: .rgba, colour: [0, 0, 255, 0])
            let source = try await fixture.write(pixels, as: "transparent.png")
            let url = try await Self.store(fixture).thumbnail(for: Self.hash, size: .fit256, source: source)
            var spec = ImagingFixture.clip
            spec.resizeMode = .squash
            let decoded = try await fixture.decoder().decode(url, for: spec)
            let colour = decoded.tensor.meanColour(x: 0..<224, y: 0..<224, spec: spec)
            #expect(colour.allSatisfy { $0 > 250 }, "\(colour)")
        }
    }

    @Test("bad hashes, broken sources and oversized pictures are errors, and leave nothing behind")
    func failures() async throws {
        try await ImagingFixture.with { fixture in
            let store = Self.store(fixture, maxPixels: 1_000)
            let good = try await fixture.write(Pictures.asymmetric(width: 100, height: 100), as: "ok.png")
            await #expect(throws: ViewfinderError.self) {
                _ = try await store.thumbnail(for: "../../etc/passwd", size: .fit256, source: good)
            }
            let text = try fixture.writeBytes(Data("not a picture".utf8), as: "text.jpg")
            let broken = await #expect(throws: ViewfinderError.self) {
                _ = try await store.thumbnail(for: Self.hash, size: .fit256, source: text)
            }
            #expect(broken?.code == .decodeFailed)
            let large = await #expect(throws: ViewfinderError.self) {
                _ = try await store.thumbnail(for: Self.hash, size: .fit256, source: good)
            }
            #expect(large?.message.contains("limit") == true)
            let folder = fixture.directory.appendingPathComponent("cache/thumbnails/3f/a2")
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).isEmpty)
        }
    }
}
