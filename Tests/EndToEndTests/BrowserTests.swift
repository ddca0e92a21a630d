import Foundation
import Testing
import ViewfinderTestSupport

/// Drives the web UI in headless Chromium against `viewfinder serve` on a generated colour library.
@Suite(.serialized)
struct BrowserTests {
    /// Where screenshots go: `var/test-output/browser` in the repository.
    static let outputFolder = TestPaths.repositoryRoot.appendingPathComponent("var/test-output/browser")

    @Test func aQueryInTheURLShowsTheMatchingPhotosFirst() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        _ = try harness.index()
        let (server, base, log) = try startServer(harness)
        defer { if server.isRunning { server.terminate() } }

        let url = base + "/?q=red"
        let dom = try chromium(["--dump-dom", url])
        #expect(dom.status == 0, "chromium failed: \(dom.stderr.suffix(2000))")
        let paths = Self.tilePaths(in: dom.stdout)
        #expect(paths.count >= 3, "the grid shows \(paths.count) photos; serve log: \(Self.tail(log))")
        #expect(paths.prefix(3).allSatisfy { $0.hasPrefix("red/") }, "first photos: \(paths.prefix(5))")
        // The page's help lists the search fields it fetched from /api/v1/search/fields.
        struct Field: Decodable { let name: String; let aliases: [String] }
        let fields = try JSONDecoder().decode(
            [Field].self, from: Data(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("tools/openapi/search-fields.json")))
        for field in fields {
            let listed = "<dt><code>" + ([field.name] + field.aliases).joined(separator: ", ") + "</code></dt>"
            #expect(dom.stdout.contains(listed), "the page's help does not list \(field.name)")
        }

        try FileManager.default.createDirectory(at: Self.outputFolder, withIntermediateDirectories: true)
        let screenshot = Self.outputFolder.appendingPathComponent("search-red.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try chromium(["--screenshot=\(screenshot.path)", "--window-size=1280,900", url])
        #expect(shot.status == 0, "chromium screenshot failed: \(shot.stderr.suffix(2000))")
        let size = (try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "the screenshot is missing or empty")
        let phone = try chromium(["--screenshot=\(Self.outputFolder.appendingPathComponent("search-red-phone.png").path)", "--window-size=390,844", url])
        #expect(phone.status == 0)

        // SIGTERM shuts the server down gracefully: exit status 0.
        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0, "serve log: \(Self.tail(log))")
    }

    @Test func withAuthTheBrowserGetsTheLoginPage() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let hash = try harness.viewfinder(["serve", "--hash-token"])
        #expect(hash.status != 0, "an empty token is refused")
        let digest = "1a7674eb4ee78df7e1ac439a93c3fa8e3c945784d4dec9fd8e3011738b2f1d62"  // SHA-256 of "tok"
        let (server, base, _) = try startServer(harness, environment: ["VIEWFINDER_API_TOKEN_HASHES": digest])
        defer { if server.isRunning { server.terminate() } }
        let api = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "-o", "/dev/null", "-w", "%{http_code}", base + "/api/v1/photos"])
        #expect(api.stdout == "401")
        let withToken = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer tok", base + "/api/v1/photos"])
        #expect(withToken.stdout == "200")
        let dom = try chromium(["--dump-dom", base + "/?q=red"])
        #expect(dom.stdout.contains("id=\"login\" aria-labelledby=\"login-title\" open"), "the login dialog is not open")
        #expect(Self.tilePaths(in: dom.stdout).isEmpty)
        try FileManager.default.createDirectory(at: Self.outputFolder, withIntermediateDirectories: true)
        _ = try chromium(["--screenshot=\(Self.outputFolder.appendingPathComponent("login.png").path)", "--window-size=800,600", base + "/"])
    }

    @Test func serveRefusesAnOpenNonLoopbackAddress() throws {
        let harness = try CLIHarness()
        defer { harness.remove() }
        let result = try harness.viewfinder(["serve", "--host", "0.0.0.0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("refusing to listen on 0.0.0.0 without authentication"))
    }

    /// Starts `viewfinder serve` on a random port for `harness`'s library and waits until it answers.
    private func startServer(_ harness: CLIHarness, environment: [String: String] = [:]) throws -> (Process, String, URL) {
        let port = Int.random(in: 20_000...60_000)
        let server = Process()
        server.executableURL = ProcessRunner.viewfinderBinary
        server.arguments = [
            "serve", "--port", String(port), "--model", "viewfinder-test-tiny", "--library", harness.library.path,
            "--storage", harness.storage.path,
        ]
        server.environment = ProcessInfo.processInfo.environment.merging(
            ["VIEWFINDER_ORT_LIBRARY": TestPaths.onnxRuntimeLibrary.path].merging(environment) { $1 }) { $1 }
        let log = harness.folder.appendingPathComponent("serve-\(port).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        server.standardOutput = logHandle
        server.standardError = logHandle
        try server.run()
        let base = "http://127.0.0.1:\(port)"
        try waitUntilHealthy(base + "/api/v1/health")
        return (server, base, log)
    }

    /// Runs headless Chromium; `--virtual-time-budget` lets the page's fetches finish before the DOM is read.
    private func chromium(_ arguments: [String]) throws -> ProcessResult {
        let profile = try TestPaths.makeTemporaryDirectory("viewfinder-chromium")
        defer { try? FileManager.default.removeItem(at: profile) }
        return try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/chromium"),
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=\(profile.path)",
             "--virtual-time-budget=20000"] + arguments)
    }

    private func waitUntilHealthy(_ url: String) throws {
        for _ in 0..<300 {
            let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/curl"), ["-sf", url])
            if result.status == 0 { return }
            usleep(100_000)
        }
        Issue.record("the server did not answer \(url) within 30 seconds")
    }

    /// The `data-path` attributes of the grid's tiles, in DOM order.
    static func tilePaths(in html: String) -> [String] {
        var paths: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "data-path=\"") {
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            paths.append(String(rest[..<end]))
            rest = rest[end...]
        }
        return paths
    }

    private static func tail(_ url: URL) -> String {
        String((try? String(contentsOf: url, encoding: .utf8))?.suffix(3000) ?? "")
    }
}
