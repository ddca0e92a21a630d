import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a child process to completion and reports its wall time and peak resident set size.
///
/// The peak is the child's `VmHWM` (/proc/PID/status), read every 50 ms until it exits: `ru_maxrss` from `wait4`
/// is useless here because Linux carries a process's high-water mark across `exec`, so every child would report
/// at least this process's own peak (the floor's loaded model).
enum MeasuredProcess {
    /// How one child run ended.
    struct Outcome {
        /// The exit status (or 128 + signal).
        let status: Int32
        /// Wall time from spawn to exit.
        let seconds: Double
        /// Peak resident set size of the child (`VmHWM`), in KiB.
        let maxRSSKiB: Int
    }

    /// Runs `executable` with `arguments`, its standard output written to `standardOutput` (a file path).
    static func run(executable: String, arguments: [String], standardOutput: String) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment: [UnsafeMutablePointer<CChar>?] =
            ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        let clock = ContinuousClock()
        let started = clock.now
        var pid = pid_t()
        let spawned = argv.withUnsafeBufferPointer { arguments in
            environment.withUnsafeBufferPointer { environment in
                // Both arrays hold at least their nil terminator, so their storage exists.
                guard let argv = arguments.baseAddress, let envp = environment.baseAddress else { return EINVAL }
                return posix_spawn(&pid, executable, &actions, nil, argv, envp)
            }
        }
        guard spawned == 0 else {
            throw BenchmarkFailure("could not start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var peak = 0
        while true {
            peak = max(peak, highWaterMarkKiB(pid: pid))
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            guard waited == 0 || errno == EINTR else { throw BenchmarkFailure("waitpid failed for \(executable)") }
            usleep(50_000)
        }
        let elapsed = clock.now - started
        let exited = status & 0x7f == 0
        return Outcome(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            maxRSSKiB: peak)
    }

    /// `VmHWM` of a running process in KiB; 0 once it has exited.
    private static func highWaterMarkKiB(pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    }
}
