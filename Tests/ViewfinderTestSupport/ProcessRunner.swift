public import Foundation

/// The outcome of running a program.
public struct ProcessResult: Sendable {
    /// The exit status.
    public let status: Int32
    /// Everything written to standard output.
    public let stdout: String
    /// Everything written to standard error.
    public let stderr: String
}

/// Runs programs (the built `viewfinder` binary, Python tools) for end-to-end tests.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` and waits for it; standard input is empty.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:]
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        let errData = LockedData()
        let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { usleep(1000) }
        return ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.value, as: UTF8.self))
    }

    /// The `viewfinder` binary built next to the running test bundle (or `VIEWFINDER_BINARY`).
    public static var viewfinderBinary: URL {
        if let path = ProcessInfo.processInfo.environment["VIEWFINDER_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent(),
            TestPaths.repositoryRoot.appendingPathComponent(".build/debug"),
        ]
        for folder in candidates {
            let binary = folder.appendingPathComponent("viewfinder")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return TestPaths.repositoryRoot.appendingPathComponent(".build/debug/viewfinder")
    }

    /// The project's Python (the bootstrap venv), for generators and reference scripts.
    public static var python: URL {
        let venv = TestPaths.repositoryRoot.appendingPathComponent(".vendor/venv/bin/python3")
        return FileManager.default.isExecutableFile(atPath: venv.path) ? venv : URL(fileURLWithPath: "/usr/bin/python3")
    }
}

/// A data buffer written by one thread and read by another.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
