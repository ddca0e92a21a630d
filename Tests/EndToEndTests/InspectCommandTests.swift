import Foundation
import Testing
import ViewfinderTestSupport

/// `viewfinder inspect` on exiftool-written and hostile files, without any catalog.
@Suite(.serialized)
struct InspectCommandTests {
    struct Report: Decodable {
        struct Problem: Decodable {
            let step: String
            let message: String
        }
        let format: String?
        let mimeType: String?
        let fileSize: Int64?
        let sha256: String?
        let width: Int?
        let height: Int?
        let orientation: Int?
        let takenAt: String?
        let takenAtLocal: String?
        let timeZoneOffset: String?
        let takenAtSource: String?
        let cameraMake: String?
        let cameraModel: String?
        let lens: String?
        let iso: Int?
        let fNumber: Double?
        let exposureTime: String?
        let focalLength: Double?
        let latitude: Double?
        let longitude: Double?
        let altitude: Double?
        let title: String?
        let keywords: [String]
        let decodes: Bool
        let errors: [Problem]
    }

    static func inspect(_ file: URL, storage: URL, json: Bool = true) throws -> ProcessResult {
        try ProcessRunner.run(
            ProcessRunner.viewfinderBinary, ["inspect", file.path, "--storage", storage.path] + (json ? ["--json"] : []))
    }

    @Test func printsEveryFieldOfAPhotoWithoutCreatingACatalog() throws {
        let folder = try TestPaths.makeTemporaryDirectory("viewfinder-e2e-inspect")
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = TestPaths.repositoryRoot.appendingPathComponent("tools/samples/generate_metadata_corpus.py")
        let generated = try ProcessRunner.run(ProcessRunner.python, [script.path, folder.appendingPathComponent("corpus").path])
        try #require(generated.status == 0, "\(generated.stderr)")
        let storage = folder.appendingPathComponent("storage")
        let photo = folder.appendingPathComponent("corpus/full-south-west.jpg")

        let result = try Self.inspect(photo, storage: storage)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(report.format == "JPEG" && report.mimeType == "image/jpeg")
        #expect(report.fileSize == (try FileManager.default.attributesOfItem(atPath: photo.path)[.size] as? NSNumber)?.int64Value)
        #expect(report.sha256?.count == 64)
        #expect(report.width == 480 && report.height == 640 && report.orientation == 6)
        #expect(report.takenAtLocal == "2021-06-01T12:34:56.120")
        #expect(report.takenAt == "2021-06-01T16:04:56.120Z")
        #expect(report.timeZoneOffset == "-03:30")
        #expect(report.takenAtSource == "meta")
        #expect(report.cameraMake == "Canon" && report.cameraModel == "Canon EOS 70D")
        #expect(report.lens == "EF-S 18-135mm f/3.5-5.6 IS STM")
        #expect(report.iso == 400 && report.fNumber == 2.8 && report.exposureTime == "1/250" && report.focalLength == 35)
        #expect(report.latitude == -34.603722 && report.longitude == -58.381592 && report.altitude == -12.5)
        #expect(report.title == "Grüße aus Buenos Aires")
        #expect(report.keywords == ["Köln", "日本", "Paris", "France", "plaza"])
        #expect(report.decodes)
        #expect(report.errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: storage.appendingPathComponent("catalog.db").path))

        let text = try Self.inspect(photo, storage: storage, json: false)
        #expect(text.status == 0)
        #expect(text.stdout.contains("taken:"))
        #expect(text.stdout.contains("-34.603722, -58.381592, -12.5 m"))
    }

    @Test func reportsTheDetectedFormatAndTheErrorForABrokenFile() throws {
        let folder = try TestPaths.makeTemporaryDirectory("viewfinder-e2e-inspect")
        defer { try? FileManager.default.removeItem(at: folder) }
        let entries = try HostileFilesTests.hostileCorpus(in: folder.appendingPathComponent("corpus"))
        #expect(!entries.isEmpty)
        let storage = folder.appendingPathComponent("storage")

        let text = try Self.inspect(folder.appendingPathComponent("corpus/text.jpg"), storage: storage)
        #expect(text.status == 1)
        let textReport = try JSONDecoder().decode(Report.self, from: Data(text.stdout.utf8))
        #expect(textReport.mimeType == "text/plain")
        #expect(textReport.sha256?.count == 64)
        #expect(!textReport.decodes)
        #expect(textReport.errors.map(\.message) == ["text.jpg: not an image or unsupported format"])

        let bomb = try Self.inspect(folder.appendingPathComponent("corpus/bomb.png"), storage: storage)
        #expect(bomb.status == 1)
        let bombReport = try JSONDecoder().decode(Report.self, from: Data(bomb.stdout.utf8))
        #expect(bombReport.width == 30_000 && bombReport.height == 30_000)
        #expect(bombReport.errors.first?.message.contains("more than the limit") == true)

        let loop = try Self.inspect(folder.appendingPathComponent("corpus/self-loop.jpg"), storage: storage, json: false)
        #expect(loop.status == 1)
        #expect(loop.stdout.contains("symbolic link loop"))
    }
}
