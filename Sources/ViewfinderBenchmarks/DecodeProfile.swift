import ArgumentParser
import Foundation
import NIOPosix
import ViewfinderCore
import ViewfinderFileSystem
import ViewfinderImaging

/// Per-file decode times of one shrink-on-load mode on one thread, or (`--threads` above 1) one set's throughput:
/// for finding which pictures are slow and for running under `perf` without the other modes and Pillow.
struct DecodeProfile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode-profile",
        abstract: "Prints milliseconds per decode + preprocess of each file in one shrink-on-load mode, or a set's img/s."
    )

    @Option(help: "fast, balanced or off.")
    var mode = "fast"

    @Option(help: "Decodes per file; the fastest is printed.")
    var repeats = 20

    @Option(help: "Model input size.")
    var size = 224

    @Option(help: "With more than 1, measure the set's throughput with this many threads for --seconds instead.")
    var threads = 1

    @Option(help: "Seconds of the throughput measurement (--threads above 1).")
    var seconds = 5.0

    @Option(
        help: """
            decode: the decode from the path alone. file: hash the file, then decode and read metadata from its             path (the indexer's three opens before issue 16). memory: read and hash once, then decode and read             metadata from the bytes (the indexer now).
            """)
    var source = "decode"

    @Argument(help: "Picture files.")
    var files: [String]

    func run() throws {
        guard let shrink = ShrinkOnLoad(rawValue: mode) else { throw ValidationError("unknown mode \(mode)") }
        guard ["decode", "file", "memory"].contains(source) else { throw ValidationError("unknown source \(source)") }
        let spec = PreprocessSpec(
            imageSize: size, mean: [0.48145466, 0.4578275, 0.40821073], std: [0.26862954, 0.26130258, 0.27577711])
        let runtime = try VipsRuntime { _ in }
        if threads > 1 {
            let rate = try DecodeBenchmark.measure(
                files.map { URL(fileURLWithPath: $0) }, spec: spec, runtime: runtime, threads: threads, mode: shrink,
                seconds: seconds)
            print(String(format: "%.1f img/s with %d threads", rate, threads))
            return
        }
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        defer { try? pool.syncShutdownGracefully() }
        let decoder = VipsImageDecoder(
            runtime: runtime, threadPool: pool, configuration: ImagingConfiguration(shrinkOnLoad: shrink))
        let metadata = VipsMetadataReader(runtime: runtime, threadPool: pool)
        let fileSystem = LocalLibraryFileSystem(threadPool: pool)
        let source = self.source
        let lines = try BlockingTask.run {
            var lines: [String] = []
            var total = 0.0
            for file in files {
                var best = Double.infinity
                for _ in 0..<max(1, repeats) {
                    let start = ContinuousClock.now
                    let url = URL(fileURLWithPath: file)
                    switch source {
                    case "file":
                        let entry = try await Self.entry(file, fileSystem: fileSystem)
                        _ = try await fileSystem.contentHash(of: entry)
                        _ = try await decoder.decode(url, for: spec)
                        _ = try await metadata.details(of: url)
                    case "memory":
                        let entry = try await Self.entry(file, fileSystem: fileSystem)
                        let contents = try await fileSystem.read(entry)
                        _ = try await decoder.decode(contents.picture, for: spec)
                        _ = try await metadata.details(of: contents.picture, modifiedAt: entry.modifiedAt)
                    default:
                        _ = try await decoder.decode(url, for: spec)
                    }
                    let elapsed = ContinuousClock.now - start
                    best = min(best, Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
                }
                total += best
                lines.append(String(format: "%8.2f ms  %@", best, file))
            }
            lines.append(String(format: "%8.2f ms  total", total))
            return lines
        }
        lines.forEach { print($0) }
    }

    /// `path` as a library entry (its folder as the root), with its size and time as a scan records them.
    private static func entry(_ path: String, fileSystem: LocalLibraryFileSystem) async throws -> LibraryFile {
        let url = URL(fileURLWithPath: path)
        let guess = LibraryFile(
            root: url.deletingLastPathComponent().path, relativePath: url.lastPathComponent, size: 0,
            modifiedAt: Date(timeIntervalSince1970: 0))
        return try await fileSystem.currentState(of: guess)
    }
}
