import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore

/// `viewfinder doctor`: what is installed, where things are, and what is missing.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check ONNX Runtime, libvips, paths and models; exits 1 when something essential is broken.")

    @Flag(help: "Print JSON.")
    var json = false

    @Option(help: "Model to check (default: the configured model).")
    var model: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let report = try await global.withApplication(extra: [ConfigurationKey.model.flag: model]) { app in app.doctor() }
        if json {
            try Terminal.json(report, pretty: true)
        } else {
            print("ONNX Runtime: \(report.onnxRuntime.version ?? "not loaded") \(report.onnxRuntime.libraryPath ?? "")")
            print("  providers: \(report.onnxRuntime.providers.isEmpty ? "-" : report.onnxRuntime.providers.joined(separator: ", "))")
            print("libvips: \(report.libvips.version ?? "not loaded")")
            print("storage: \(report.storagePath)")
            print("models path: \(report.modelsPath)")
            print("database: \(report.database)")
            print("hub: \(report.hubURL)\(report.hubTokenConfigured ? " (token configured)" : "")")
            print("model: \(report.model.name)\(report.model.installed ? "" : " (not installed)")")
            print("default model: \(report.defaultModel.name)\(report.defaultModel.installed ? "" : " (not installed)")")
            print("")
            for check in report.checks {
                let mark = check.ok ? "ok  " : check.essential ? "FAIL" : "warn"
                print("[\(mark)] \(check.name): \(check.detail)")
                if let hint = check.hint { print("       \(hint)") }
            }
        }
        if !report.healthy { throw ExitCode.failure }
    }
}
