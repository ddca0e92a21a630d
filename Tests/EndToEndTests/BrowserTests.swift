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
        let port = Int.random(in: 20_000...60_000)
        let server = Process()
        server.executableURL = ProcessRunner.viewfinderBinary
        server.arguments = [
            "serve", "--port", String(port), "--model", "viewfinder-test-tiny", "--library", harness.library.path,
            "--storage", harness.storage.path,
        ]
        server.environment = ProcessInfo.processInfo.environment.merging(
            ["VIEWFINDER_ORT_LIBRARY": TestPaths.onnxRuntimeLibrary.path]) { $1 }
        let log = harness.folder.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        server.standardOutput = logHandle
        server.standardError = logHandle
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        let base = "http://127.0.0.1:\(port)"
        try waitUntilHealthy(base + "/api/v1/health")

        let url = base + "/?q=red"
        let dom = try chromium(["--dump-dom", url])
        #expect(dom.status == 0, "chromium failed: \(dom.stderr.suffix(2000))")
        let paths = Self.tilePaths(in: dom.stdout)
        #expect(paths.count >= 3, "the grid shows \(paths.count) photos; serve log: \(Self.tail(log))")
        #expect(paths.prefix(3).allSatisfy { $0.hasPrefix("red/") }, "first photos: \(paths.prefix(5))")

        try FileManager.default.createDirectory(at: Self.outputFolder, withIntermediateDirectories: true)
        let screenshot = Self.outputFolder.appendingPathComponent("search-red.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try chromium(["--screenshot=\(screenshot.path)", "--window-size=1280,900", url])
        #expect(shot.status == 0, "chromium screenshot failed: \(shot.stderr.suffix(2000))")
        let size = (try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "the screenshot is missing or empty")

        // SIGTERM shuts the server down gracefully: exit status 0.
        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0, "serve log: \(Self.tail(log))")
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
