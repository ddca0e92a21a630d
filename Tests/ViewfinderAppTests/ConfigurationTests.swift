import Foundation
import Testing
import ViewfinderApp
import ViewfinderCore
import ViewfinderTestSupport

/// Layering and validation of settings: flags > environment > YAML file > defaults.
struct ConfigurationTests {
    @Test func flagsBeatEnvironmentWhichBeatsTheFile() throws {
        let sources = ConfigurationSources(
            flags: ["model": "from-flag"],
            environment: ["VIEWFINDER_MODEL": "from-env", "VIEWFINDER_STORAGE_PATH": "/srv/env-storage"],
            file: ["model": "from-file", "storage_path": "/srv/file-storage", "batch_size": "8"])
        let configuration = try ViewfinderConfiguration(sources: sources)
        #expect(configuration.model == "from-flag")
        #expect(configuration.storagePath.path == "/srv/env-storage")
        #expect(configuration.batchSize == 8)
    }

    @Test func defaultsDeriveFromTheStorageFolder() throws {
        let configuration = try ViewfinderConfiguration(
            sources: ConfigurationSources(flags: ["storage": "/srv/vf"], environment: ["HOME": "/home/u"]))
        #expect(configuration.modelsPath.path == "/srv/vf/models")
        #expect(configuration.database == .sqlite(path: "/srv/vf/catalog.db"))
        #expect(configuration.model == ViewfinderConfiguration.defaultModel)
        #expect(configuration.model == "uform3-image-text-multilingual-base")
    }

    @Test func invalidValuesNameTheSetting() {
        #expect {
            _ = try ViewfinderConfiguration(sources: ConfigurationSources(flags: ["batch-size": "zero"]))
        } throws: { error in
            (error as? ViewfinderError)?.message.contains("batch-size") == true
        }
        #expect {
            _ = try ViewfinderConfiguration(sources: ConfigurationSources(flags: ["database": "oracle://x"]))
        } throws: { error in
            (error as? ViewfinderError)?.message.contains("oracle") == true
        }
    }

    @Test func yamlFileIsReadAndUnknownKeysAreRejected() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.yml")
        try "model: viewfinder-test-tiny\nthreads: 2\n".write(to: good, atomically: true, encoding: .utf8)
        #expect(try ConfigurationSources.readYAML(at: good.path) == ["model": "viewfinder-test-tiny", "threads": "2"])

        let bad = folder.appendingPathComponent("bad.yml")
        try "modle: typo\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: ViewfinderError.self) { _ = try ConfigurationSources.readYAML(at: bad.path) }
    }
}
