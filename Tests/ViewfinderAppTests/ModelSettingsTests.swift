import Foundation
import Logging
import Testing
import ViewfinderApp
import ViewfinderCore
import ViewfinderServices
import ViewfinderTestSupport
import ViewfinderVision

/// The dims, hub URL and hub token settings, and how the application applies them.
struct ModelSettingsTests {
    @Test func hubSettingsDefaultToHuggingFaceAndLayerLikeTheRest() throws {
        let defaults = try ViewfinderConfiguration(sources: ConfigurationSources(flags: ["storage": "/srv/vf"]))
        #expect(defaults.hubURL.absoluteString == "https://huggingface.co")
        #expect(defaults.hubToken == nil)
        #expect(defaults.dims == nil)

        let configured = try ViewfinderConfiguration(sources: ConfigurationSources(
            flags: ["hub-url": "http://127.0.0.1:8080/"],
            environment: ["VIEWFINDER_HUB_URL": "https://mirror.example", "VIEWFINDER_HUB_TOKEN": "hf_abc", "VIEWFINDER_DIMS": "128"],
            file: ["dims": "64"]))
        #expect(configured.hubURL.absoluteString == "http://127.0.0.1:8080")
        #expect(configured.hubToken == "hf_abc")
        #expect(configured.dims == 128)
    }

    @Test func badValuesNameTheSetting() {
        #expect {
            _ = try ViewfinderConfiguration(sources: ConfigurationSources(flags: ["dims": "0"]))
        } throws: { error in
            (error as? ViewfinderError)?.message.contains("dims") == true
        }
        #expect {
            _ = try ViewfinderConfiguration(sources: ConfigurationSources(environment: ["VIEWFINDER_HUB_URL": "ftp://x"]))
        } throws: { error in
            (error as? ViewfinderError)?.message.contains("ftp://x") == true
        }
    }

    @Test func theYAMLFileAcceptsTheNewKeys() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("config.yml")
        try "dims: 32\nhub_url: https://mirror.example\nhub_token: t\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try ConfigurationSources.readYAML(at: file.path) == ["dims": "32", "hub_url": "https://mirror.example", "hub_token": "t"])
    }

    @Test func dimsAreValidatedAgainstTheModelAndApplied() async throws {
        let storage = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: storage) }
        func run(dims: String) async throws -> Int {
            let configuration = try ViewfinderConfiguration(sources: ConfigurationSources(
                flags: ["storage": storage.path, "model": "viewfinder-test-tiny", "dims": dims]))
            return try await ViewfinderApplication.with(configuration: configuration, logger: Logger(label: "test")) { app in
                if !app.modelStore.isInstalled("viewfinder-test-tiny") {
                    try await app.modelStore.importModel(from: TestPaths.tinyModel)
                }
                return try app.modelDescriptor().dims
            }
        }
        #expect(try await run(dims: "16") == 16)
        #expect(try await run(dims: "64") == 64)
        await #expect {
            _ = try await run(dims: "128")
        } throws: { error in
            let message = (error as? ViewfinderError)?.message ?? ""
            return message.contains("128") && message.contains("viewfinder-test-tiny")
        }
    }

    @Test func theConfigurationDefaultIsTheCatalogueDefault() {
        #expect(ViewfinderConfiguration.defaultModel == "uform3-image-text-multilingual-base")
    }

    @Test func theSearchDefaultThresholdIsTheModelsCatalogueValue() {
        let uform = ViewfinderApplication.searchSettings(model: ModelCatalogue.defaultModel)
        #expect(uform.defaultMinScore == Double(Float(0.26)))
        #expect(ViewfinderApplication.searchSettings(model: "ViT-B-32__openai").defaultMinScore == Double(Float(0.28)))
        // Models outside the catalogue (imported, or the test model) have no default: only min_score filters.
        #expect(ViewfinderApplication.searchSettings(model: "viewfinder-test-tiny").defaultMinScore == nil)
        // A configured min_score wins over the catalogue and gives imported models a default.
        #expect(ViewfinderApplication.searchSettings(model: "viewfinder-test-tiny", minScore: 0.5).defaultMinScore == 0.5)
        #expect(ViewfinderApplication.searchSettings(model: "ViT-B-32__openai", minScore: 0.1).defaultMinScore == 0.1)
        #expect(!ViewfinderApplication.searchSettings(model: "ViT-B-32__openai", semanticSearchEnabled: false)
            .semanticSearchEnabled)
    }
}
