import HTTPTypes
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ViewfinderApp
import ViewfinderCore
import ViewfinderHTTP
import ViewfinderServices
import ViewfinderVision
import ViewfinderTestSupport

/// A generated colour library indexed with the test model into a real SQLite catalog, served in-process.
enum LibraryServer {
    /// Generates the library, indexes it, and runs `test` against the API with `setup` (`.router` or `.live`).
    static func run(
        _ setup: TestingSetup, settings: [String: String] = [:],
        _ test: @escaping @Sendable (any TestClientProtocol, URL) async throws -> Void
    ) async throws {
        let folder = try TestPaths.makeTemporaryDirectory("viewfinder-http")
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = folder.appendingPathComponent("library")
        let generated = try ProcessRunner.run(
            ProcessRunner.python,
            [TestPaths.repositoryRoot.appendingPathComponent("tools/samples/generate_colour_photos.py").path,
             library.path, "--no-check"])
        try #require(generated.status == 0, "photo generator failed: \(generated.stderr)")
        var flags = [
            "storage": folder.appendingPathComponent("storage").path, "model": "viewfinder-test-tiny",
            "ort-library": TestPaths.onnxRuntimeLibrary.path, "threads": "2", "library": library.path,
        ]
        flags.merge(settings) { $1 }
        let sources = ConfigurationSources(flags: flags)
        let configuration = try ViewfinderConfiguration(sources: sources)
        let serverSettings = try ServerSettings(sources: sources)
        var logger = Logger(label: "viewfinder-http-test")
        logger.logLevel = .warning
        try await ViewfinderApplication.with(configuration: configuration, logger: logger) { app in
            _ = try await app.modelStore.importModel(from: TestPaths.tinyModel)
            try await app.withCatalog { catalog in
                let report = try await app.indexer(try app.modelDescriptor(), catalog: catalog).index(root: library.path)
                try #require(report.embedded == 30, "indexing embedded \(report.embedded) photos")
                let parts = try app.httpServer(serverSettings, catalog: catalog, version: "test")
                var testSettings = serverSettings.http
                testSettings.port = 0
                let application = ViewfinderHTTPServer.application(
                    router: parts.router, settings: testSettings, logger: logger, services: [parts.worker])
                try await application.test(setup) { client in try await test(client, library) }
            }
        }
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body decoded as JSON.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(body.readableBytesView))
    }

    /// The `error` of a JSON error body.
    var errorMessage: String? { (try? json(ErrorReply.self))?.error }
}

/// The parts of API replies the tests read.
struct ErrorReply: Decodable { let error: String }
struct PhotoReply: Decodable {
    struct Thumbs: Decodable { let fit_256: String }
    let uid: String
    let path: String
    let hash: String
    let favorite: Bool
    let title: String?
    let keywords: [String]
    let score: Float?
    let thumbs: Thumbs
    let download: String
}
struct AlbumReply: Decodable {
    let uid: String
    let title: String
    let photoCount: Int
}
struct IndexReply: Decodable {
    let state: String
    let done: Int
}

/// A `multipart/form-data` body with one file part.
func multipartBody(_ data: Data, boundary: String = "viewfinder-test-boundary") -> (ByteBuffer, HTTPFields) {
    var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"query.jpg\"\r\n".utf8)
    body += Data("Content-Type: image/jpeg\r\n\r\n".utf8) + data + Data("\r\n--\(boundary)--\r\n".utf8)
    return (ByteBuffer(bytes: body), [.contentType: "multipart/form-data; boundary=\(boundary)"])
}
