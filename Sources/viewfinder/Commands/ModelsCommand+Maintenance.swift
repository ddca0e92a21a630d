import ArgumentParser
import Foundation
import ViewfinderApp
import ViewfinderCore
import ViewfinderVision

extension ModelsCommand {
    /// `viewfinder models import DIR [--name NAME]`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a model folder (UForm or OpenCLIP/Immich layout) into the models path.")

        @Argument(help: """
            The model folder: config.json, tokenizer.json, image_encoder.onnx, text_encoder.onnx (UForm) or \
            config.json, visual/model.onnx, visual/preprocess_cfg.json, textual/model.onnx, textual/tokenizer.json \
            (OpenCLIP/Immich).
            """)
        var directory: String

        @Option(help: "The name to install it under (default: the folder's name).")
        var name: String?

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let source = URL(fileURLWithPath: directory).standardizedFileURL
            let descriptor = try await global.withApplication { app in
                try await app.modelStore.importModel(from: source, as: name)
            }
            print("installed \(descriptor.id) (\(descriptor.layout.rawValue) layout, \(descriptor.embeddingDims)-d) in \(descriptor.folder.path)")
        }
    }

    /// `viewfinder models verify [NAME]`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-hash installed model files against their manifest; fails on any difference.")

        @Argument(help: "The model to check (default: every installed model).")
        var name: String?

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var global: GlobalOptions

        /// One model's result.
        struct Output: Codable, Sendable {
            struct File: Codable, Sendable {
                let path: String
                let status: String
                let expectedSHA256: String
                let actualSHA256: String?
            }
            let name: String
            let passed: Bool
            let files: [File]
            let unlistedFiles: [String]
            let problems: [String]
        }

        func run() async throws {
            let results = try await global.withApplication { app in
                let store = app.modelStore
                let inventory = store.inventory()
                let names =
                    name.map { [ModelID($0)] }
                    ?? (inventory.installed.map(\.descriptor.id)
                        + inventory.problems.filter { !$0.folder.lastPathComponent.hasPrefix(".") }.map { ModelID($0.name) })
                var results: [Output] = []
                for id in names {
                    let report = try await store.verify(id)
                    results.append(Output(
                        name: id.rawValue, passed: report.passed,
                        files: report.files.map {
                            .init(path: $0.path, status: $0.outcome.rawValue, expectedSHA256: $0.expectedSHA256, actualSHA256: $0.actualSHA256)
                        },
                        unlistedFiles: report.unlistedFiles, problems: report.problems))
                }
                return results
            }
            if json {
                try Terminal.json(results)
            } else {
                if results.isEmpty { print("no models installed") }
                for result in results {
                    print("\(result.name): \(result.passed ? "ok" : "FAILED") (\(result.files.count) files checked)")
                    for file in result.files where file.status != "ok" { print("  \(file.status): \(file.path)") }
                    for problem in result.problems { print("  \(problem)") }
                }
            }
            if results.contains(where: { !$0.passed }) {
                if !json { Terminal.error("verification failed; re-install the model with `viewfinder models download` or `models import`") }
                throw ExitCode.failure
            }
        }
    }

    /// `viewfinder models remove NAME`.
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete an installed model (and any unfinished download of it).")

        @Argument(help: "The model to delete.")
        var name: String

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let id = ModelID(name)
            try await global.withApplication { app in try await app.modelStore.remove(id) }
            print("removed \(id)")
        }
    }
}
