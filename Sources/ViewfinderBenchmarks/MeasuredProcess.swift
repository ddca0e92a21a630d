import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a child process to completion and reports its wall time and peak resident set size.
///
/// Foundation's `Process` reaps its children itself, so their `rusage` is lost; this spawns with `posix_spawn`
/// and waits with `wait4`, whose `ru_maxrss` is the child's own peak (not the maximum over all children).
enum MeasuredProcess {
    /// How one child run ended.
    struct Outcome {
        /// The exit status (or 128 + signal).
        let status: Int32
        /// Wall time from spawn to exit.
        let seconds: Double
        /// Peak resident set size of the child, in KiB.
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
                posix_spawn(&pid, executable, &actions, nil, arguments.baseAddress, environment.baseAddress)
            }
        }
        guard spawned == 0 else {
            throw BenchmarkFailure("could not start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchmarkFailure("wait4 failed for \(executable)") }
        }
        let elapsed = clock.now - started
        let exited = status & 0x7f == 0
        return Outcome(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            maxRSSKiB: usage.ru_maxrss)
    }
}
