import Foundation
import Testing
import ViewfinderTestSupport

/// A storage folder, a generated colour library and the built binary, for one end-to-end test.
struct CLIHarness {
    let folder: URL
    let storage: URL
    let library: URL
    /// The catalog URL passed as `--database` (nil: the default SQLite file in the storage folder).
    private(set) var databaseURL: String?
    /// The server whose scratch database this harness uses, if any.
    private(set) var server: TestDatabaseServer?
    private var scratch: URLComponents?

    /// A harness whose catalog is a fresh database on `server` (from `VIEWFINDER_TEST_*_URL`).
    static func make(database server: TestDatabaseServer) async throws -> CLIHarness {
        var harness = try CLIHarness()
        let scratch = try await server.createScratchDatabase()
        var url = scratch
        url.scheme = server == .postgres ? "postgres" : "mariadb"
        harness.server = server
        harness.scratch = scratch
        harness.databaseURL = try #require(url.string)
        return harness
    }

    /// Drops the scratch database (if any) and removes the folder.
    func removeAll() async {
        if let server, let scratch { await server.dropScratchDatabase(scratch) }
        remove()
    }

    /// A harness whose catalog is `databaseURL` (a private server of the fault tests).
    init(databaseURL: String) throws {
        try self.init()
        self.databaseURL = databaseURL
    }

    init() throws {
        folder = try TestPaths.makeTemporaryDirectory("viewfinder-e2e")
        storage = folder.appendingPathComponent("storage")
        library = folder.appendingPathComponent("library")
        let generated = try ProcessRunner.run(
            ProcessRunner.python,
            [TestPaths.repositoryRoot.appendingPathComponent("tools/samples/generate_colour_photos.py").path,
             library.path, "--no-check"])
        try #require(generated.status == 0, "photo generator failed: \(generated.stderr)")
        let imported = try viewfinder(["models", "import", TestPaths.tinyModel.path])
        try #require(imported.status == 0, "models import failed: \(imported.stderr)")
    }

    /// Runs the binary with this harness's storage folder.
    func viewfinder(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(
            ProcessRunner.viewfinderBinary,
            arguments + ["--storage", storage.path] + (databaseURL.map { ["--database", $0] } ?? []),
            environment: environment.merging(["VIEWFINDER_ORT_LIBRARY": TestPaths.onnxRuntimeLibrary.path]) { $1 })
    }

    /// Runs `index --json` on `directory` and decodes the final report line.
    func index(_ directory: URL? = nil) throws -> IndexReport {
        let result = try viewfinder(["index", (directory ?? library).path, "--model", "viewfinder-test-tiny", "--json"])
        try #require(result.status == 0, "index failed: \(result.stderr)")
        let last = try #require(result.stdout.split(separator: "\n").last)
        return try JSONDecoder().decode(IndexReport.self, from: Data(last.utf8))
    }

    /// Runs `search --json` and returns the ranked paths relative to the library.
    func search(_ text: String, limit: Int = 3) throws -> [String] {
        let result = try viewfinder(["search", text, "--model", "viewfinder-test-tiny", "--limit", String(limit), "--json"])
        try #require(result.status == 0, "search failed: \(result.stderr)")
        let output = try JSONDecoder().decode(SearchReport.self, from: Data(result.stdout.utf8))
        return output.results.map { String($0.path.dropFirst(library.path.count + 1)) }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// The parts of `index --json` the tests read.
struct IndexReport: Decodable {
    struct Failure: Decodable {
        let path: String
        let reason: String
    }
    let found: Int
    let embedded: Int
    let unchanged: Int
    let failures: [Failure]
    let skipped: [String]
}

/// The parts of `search --json` the tests read.
struct SearchReport: Decodable {
    struct Item: Decodable {
        let rank: Int
        let score: Float
        let path: String
    }
    let model: String
    let results: [Item]
}
