import Foundation
import NIOPosix
import Testing
import ViewfinderCore
import ViewfinderImaging
import ViewfinderTestSupport

/// Reads pictures whose metadata exiftool wrote (`tools/samples/generate_metadata_corpus.py`) and
/// checks every field comes back exactly.
@Suite("VipsMetadataReader on an exiftool-written corpus", .serialized)
struct MetadataCorpusTests {
    struct Manifest: Decodable {
        let assumedZoneSeconds: Int
        let pictures: [Picture]
    }

    struct Picture: Decodable {
        let file: String
        let expected: Expected
    }

    struct Expected: Decodable {
        let width: Int
        let height: Int
        let orientation: Int
        let mime: String
        let make: String?
        let model: String?
        let lens: String?
        let iso: Int?
        let fNumber: Double?
        let exposure: String?
        let focalLength: Double?
        let latitude: Double?
        let longitude: Double?
        let altitude: Double?
        let title: String?
        let description: String?
        let keywords: [String]
        let takenAtLocal: String
        let takenAt: String
        let offsetSeconds: Int?
        let source: String
    }

    @Test("every field of every corpus picture is read exactly")
    func corpus() async throws {
        let folder = try TestPaths.makeTemporaryDirectory("viewfinder-metadata")
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = TestPaths.repositoryRoot.appendingPathComponent("tools/samples/generate_metadata_corpus.py")
        let generated = try ProcessRunner.run(ProcessRunner.python, [script.path, folder.path])
        try #require(generated.status == 0, "metadata corpus generator failed: \(generated.stdout)\(generated.stderr)")
        let manifest = try JSONDecoder().decode(
            Manifest.self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
        try #require(manifest.pictures.count >= 8)
        let zone = try #require(TimeZone(secondsFromGMT: manifest.assumedZoneSeconds))

        try await ImagingFixture.with { fixture in
            let reader = VipsMetadataReader(runtime: fixture.runtime, threadPool: fixture.pool, timeZone: zone)
            for picture in manifest.pictures {
                let details = try await reader.details(of: folder.appendingPathComponent(picture.file))
                Self.check(details, against: picture.expected, name: picture.file)
            }
        }
    }

    static func check(_ details: ImageFileDetails, against expected: Expected, name: String) {
        let metadata = details.metadata
        #expect(details.width == expected.width, "\(name): width")
        #expect(details.height == expected.height, "\(name): height")
        #expect(details.orientation == expected.orientation, "\(name): orientation")
        #expect(details.contentType.mimeType == expected.mime, "\(name): MIME type")
        #expect(metadata.cameraMake == expected.make, "\(name): make")
        #expect(metadata.cameraModel == expected.model, "\(name): model")
        #expect(metadata.lens == expected.lens, "\(name): lens")
        #expect(metadata.iso == expected.iso, "\(name): ISO")
        #expect(metadata.fNumber == expected.fNumber, "\(name): f-number")
        #expect(metadata.exposure == expected.exposure, "\(name): exposure")
        #expect(metadata.focalLength == expected.focalLength, "\(name): focal length")
        #expect(metadata.latitude == expected.latitude, "\(name): latitude")
        #expect(metadata.longitude == expected.longitude, "\(name): longitude")
        #expect(metadata.altitude == expected.altitude, "\(name): altitude")
        #expect(metadata.title == expected.title, "\(name): title")
        #expect(metadata.description == expected.description, "\(name): description")
        #expect(metadata.keywords == expected.keywords, "\(name): keywords")
        #expect(sameMillisecond(metadata.takenAtLocal, date(expected.takenAtLocal + "Z")), "\(name): local capture time")
        #expect(sameMillisecond(metadata.takenAt, date(expected.takenAt)), "\(name): UTC capture time")
        #expect(details.timeZoneOffset == expected.offsetSeconds, "\(name): offset")
        #expect(metadata.takenAtSource.rawValue == expected.source, "\(name): date source")
        #expect((try? metadata.validate()) != nil, "\(name): storable")
    }

    /// An ISO 8601 UTC time with optional milliseconds.
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
