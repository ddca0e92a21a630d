// TEMPORARY: measurement harness, deleted after use.
import Foundation
import NIOPosix
import Testing
import ViewfinderCore
import ViewfinderImaging

@Suite struct TemporaryFidelityDump {
    @Test func dump() async throws {
        guard let list = ProcessInfo.processInfo.environment["VF_DUMP_LIST"],
              let out = ProcessInfo.processInfo.environment["VF_DUMP_DIR"] else { return }
        let threads = Int(ProcessInfo.processInfo.environment["VF_THREADS"] ?? "1") ?? 1
        let concurrency = Int(ProcessInfo.processInfo.environment["VF_VIPS_CONC"] ?? "1") ?? 1
        let runtime = try VipsRuntime(configuration: .init(threadsPerOperation: concurrency))
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        let decoder = VipsImageDecoder(runtime: runtime, threadPool: pool)
        let files = try String(contentsOfFile: list, encoding: .utf8).split(separator: "\n").map(String.init)
        var mutableSpec = ImagingFixture.clip
        if ProcessInfo.processInfo.environment["VF_SQUASH"] != nil { mutableSpec.resizeMode = .squash }
        let spec = mutableSpec
        // Per-file sequential timing (3 runs, best).
        for (index, path) in files.enumerated() {
            var best = Double.infinity
            var decoded: DecodedImage?
            for _ in 0..<3 {
                let start = ContinuousClock.now
                decoded = try await decoder.decode(URL(fileURLWithPath: path), for: spec)
                let elapsed = ContinuousClock.now - start
                best = min(best, Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            }
            guard let decoded else { continue }
            let data = decoded.tensor.values.withUnsafeBytes { Data($0) }
            try data.write(to: URL(fileURLWithPath: "\(out)/\(index).f32"))
            print("DUMP \(index) \(path) \(decoded.width)x\(decoded.height) \(String(format: "%.1f", best)) ms")
        }
        // Throughput: all files ×4, concurrently.
        let start = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { for path in files { group.addTask { _ = try? await decoder.decode(URL(fileURLWithPath: path), for: spec) } } }
        }
        let elapsed = ContinuousClock.now - start
        print("THROUGHPUT \(files.count * 4) images in \(elapsed) (pool \(threads), vips concurrency \(concurrency))")
        try await pool.shutdownGracefully()
    }
}

@Suite struct TemporaryLeakCheck {
    static func rss() -> String {
        (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("VmRSS") }.map(String.init) ?? "?"
    }

    @Test func leak() async throws {
        guard let path = ProcessInfo.processInfo.environment["VF_LEAK_FILE"] else { return }
        let runtime = try VipsRuntime()
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        let decoder = VipsImageDecoder(runtime: runtime, threadPool: pool)
        let bogus = URL(fileURLWithPath: "/tmp/vf/garbage-trunc.jpg")
        for round in 0..<4 {
            for _ in 0..<100 {
                _ = try await decoder.decode(URL(fileURLWithPath: path), for: ImagingFixture.clip)
                _ = try? await decoder.decode(bogus, for: ImagingFixture.clip)
            }
            print("LEAK round \(round) \(Self.rss())")
        }
        try await pool.shutdownGracefully()
    }
}
