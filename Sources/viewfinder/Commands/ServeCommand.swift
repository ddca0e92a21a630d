import ArgumentParser
import Foundation
import Logging
import ViewfinderApp
import ViewfinderCore
import ViewfinderHTTP

/// `viewfinder serve`: the REST API, the web UI and the indexing worker in one process.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the web UI and the REST API, with the indexing worker.")

    @Option(help: "Address to listen on (env VIEWFINDER_HTTP_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (env VIEWFINDER_HTTP_PORT; default 2342).")
    var port: Int?

    @Option(help: "Library folders the indexing worker scans, comma-separated (env VIEWFINDER_LIBRARY_PATH).")
    var library: String?

    @Option(help: "Model to search and index with (env VIEWFINDER_MODEL; default: the configured model).")
    var model: String?

    @Flag(help: "Watch the library folders and index changes as they happen (env VIEWFINDER_WATCH).")
    var watch = false

    @Flag(help: "Listen on a non-loopback address even without a password or API token.")
    var allowInsecureRemote = false

    @Flag(help: "Read a password from standard input, print its hash for admin_password_hash, and exit.")
    var hashPassword = false

    @Flag(help: "Read an API token from standard input, print its SHA-256 for api_token_hashes, and exit.")
    var hashToken = false

    @Flag(help: "Print a new random API token and, on a second line, its SHA-256 for api_token_hashes, and exit.")
    var newToken = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        if newToken {
            let token = PasswordHash.newToken()
            print(token)
            print(PasswordHash.tokenDigest(token))
            return
        }
        if hashPassword || hashToken {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("give the secret on standard input")
            }
            do {
                print(hashToken ? try PasswordHash.checkedTokenDigest(line) : try PasswordHash.make(line))
            } catch {
                Terminal.error(error.message)
                throw ExitCode.failure
            }
            return
        }
        let extra: [String: String?] = [
            ConfigurationKey.httpHost.flag: host, ConfigurationKey.httpPort.flag: port.map(String.init),
            ConfigurationKey.libraryRoots.flag: library, ConfigurationKey.model.flag: model,
            ConfigurationKey.allowInsecureRemote.flag: allowInsecureRemote ? "true" : nil,
            ConfigurationKey.watch.flag: watch ? "true" : nil,
        ]
        let sources = try global.sources(extra: extra)
        let settings: ServerSettings
        do {
            settings = try ServerSettings(sources: sources)
        } catch {
            Terminal.error(error.message)
            throw ExitCode.failure
        }
        try await global.withApplication(extra: extra, minimumLevel: .info) { app in
            try await app.serve(settings, version: Viewfinder.configuration.version)
        }
    }
}
