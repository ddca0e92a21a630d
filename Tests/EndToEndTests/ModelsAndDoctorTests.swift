import Foundation
import Testing
import ViewfinderTestSupport

/// `models list/verify/remove` and `doctor` on the built binary.
struct ModelsAndDoctorTests {
    private struct Doctor: Decodable {
        struct Runtime: Decodable {
            let version: String?
            let libraryPath: String?
            let providers: [String]
            let error: String?
        }
        struct Vips: Decodable { let version: String? }
        struct Model: Decodable {
            let name: String
            let installed: Bool
            let inCatalogue: Bool
            let dims: Int?
            let storedDims: Int?
        }
        struct Check: Decodable {
            let name: String
            let ok: Bool
            let essential: Bool
            let hint: String?
        }
        let onnxRuntime: Runtime
        let libvips: Vips
        let storagePath: String
        let modelsPath: String
        let database: String
        let hubURL: String
        let model: Model
        let defaultModel: Model
        let checks: [Check]
    }

    private func storage() throws -> URL {
        try TestPaths.makeTemporaryDirectory("viewfinder-e2e-models")
    }

    private func viewfinder(_ arguments: [String], storage: URL, environment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(
            ProcessRunner.viewfinderBinary, arguments + ["--storage", storage.path],
            environment: ["VIEWFINDER_ORT_LIBRARY": TestPaths.onnxRuntimeLibrary.path].merging(environment) { $1 })
    }

    @Test func doctorReportsLibrariesPathsAndModels() throws {
        let storage = try storage()
        defer { try? FileManager.default.removeItem(at: storage) }
        let imported = try viewfinder(["models", "import", TestPaths.tinyModel.path], storage: storage)
        try #require(imported.status == 0, "import failed: \(imported.stderr)")

        let result = try viewfinder(["doctor", "--json", "--model", "viewfinder-test-tiny", "--dims", "32"], storage: storage)
        #expect(result.status == 0, "doctor failed: \(result.stdout) \(result.stderr)")
        let report = try JSONDecoder().decode(Doctor.self, from: Data(result.stdout.utf8))
        let version = try #require(report.onnxRuntime.version)
        #expect(version.range(of: #"^1\.\d+\.\d+"#, options: .regularExpression) != nil)
        #expect(report.onnxRuntime.libraryPath == TestPaths.onnxRuntimeLibrary.path)
        #expect(report.onnxRuntime.providers.contains("CPUExecutionProvider"))
        #expect(report.libvips.version?.range(of: #"^8\.\d+"#, options: .regularExpression) != nil)
        #expect(report.storagePath == storage.path)
        #expect(report.modelsPath == storage.appendingPathComponent("models").path)
        #expect(report.database == "sqlite://" + storage.appendingPathComponent("catalog.db").path)
        #expect(report.hubURL == "https://huggingface.co")
        #expect(report.model.name == "viewfinder-test-tiny" && report.model.installed)
        #expect(report.model.dims == 64 && report.model.storedDims == 32)
        #expect(report.defaultModel.name == "uform3-image-text-multilingual-base")
        #expect(!report.defaultModel.installed && report.defaultModel.inCatalogue)
        let defaultCheck = try #require(report.checks.first { $0.name == "default-model" })
        #expect(!defaultCheck.ok && !defaultCheck.essential)
        #expect(defaultCheck.hint?.contains("models download uform3-image-text-multilingual-base") == true)
        let essential = report.checks.filter { $0.essential }
        #expect(essential.allSatisfy { $0.ok })
    }

    @Test func doctorFailsWhenSomethingEssentialIsMissing() throws {
        let storage = try storage()
        defer { try? FileManager.default.removeItem(at: storage) }
        let missingModel = try viewfinder(["doctor", "--json"], storage: storage)
        #expect(missingModel.status == 1)
        let report = try JSONDecoder().decode(Doctor.self, from: Data(missingModel.stdout.utf8))
        let check = try #require(report.checks.first { $0.name == "model" })
        #expect(!check.ok && check.essential)
        #expect(check.hint?.contains("viewfinder models download uform3-image-text-multilingual-base") == true)

        let brokenRuntime = try viewfinder(
            ["doctor", "--json"], storage: storage, environment: ["VIEWFINDER_ORT_LIBRARY": "/nonexistent/libonnxruntime.so"])
        #expect(brokenRuntime.status == 1)
        let broken = try JSONDecoder().decode(Doctor.self, from: Data(brokenRuntime.stdout.utf8))
        #expect(broken.onnxRuntime.version == nil)
        #expect(broken.onnxRuntime.error?.contains("/nonexistent/libonnxruntime.so") == true)
        #expect(broken.checks.first { $0.name == "onnxruntime" }?.hint?.contains("make bootstrap") == true)
    }

    @Test func listVerifyAndRemoveDriveTheStore() throws {
        let storage = try storage()
        defer { try? FileManager.default.removeItem(at: storage) }
        let imported = try viewfinder(["models", "import", TestPaths.tinyModel.path, "--name", "tiny"], storage: storage)
        try #require(imported.status == 0, "import failed: \(imported.stderr)")

        let list = try viewfinder(["models", "list", "--json"], storage: storage)
        try #require(list.status == 0, "models list failed: \(list.stderr)")
        let listing = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let installed = try #require(listing["installed"] as? [[String: Any]])
        #expect(installed.map { $0["name"] as? String } == ["tiny"])
        #expect(installed.first?["hasManifest"] as? Bool == true)
        let available = try #require(listing["available"] as? [[String: Any]])
        #expect(available.count == 8)
        #expect(available.contains { $0["name"] as? String == "uform3-image-text-multilingual-base" && $0["isDefault"] as? Bool == true })

        #expect(try viewfinder(["models", "verify", "tiny"], storage: storage).status == 0)
        let encoder = storage.appendingPathComponent("models/clip/tiny/text_encoder.onnx")
        var bytes = try Data(contentsOf: encoder)
        bytes[bytes.count - 5] ^= 0x55
        try bytes.write(to: encoder)
        let verify = try viewfinder(["models", "verify", "--json"], storage: storage)
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("\"modified\"") && verify.stdout.contains("text_encoder.onnx"))

        let remove = try viewfinder(["models", "remove", "tiny"], storage: storage)
        #expect(remove.status == 0)
        #expect(!FileManager.default.fileExists(atPath: storage.appendingPathComponent("models/clip/tiny").path))
        let again = try viewfinder(["models", "remove", "tiny"], storage: storage)
        #expect(again.status != 0)
        #expect(again.stderr.contains("not installed"))
    }

    @Test func downloadingFromAnUnreachableHubSuggestsImport() throws {
        let storage = try storage()
        defer { try? FileManager.default.removeItem(at: storage) }
        // Port 9 (discard) is not served on loopback here, so the connection is refused at once.
        let result = try viewfinder(
            ["models", "download", "uform3-image-text-english-small", "--hub-url", "http://127.0.0.1:9"], storage: storage)
        #expect(result.status != 0)
        #expect(result.stderr.contains("http://127.0.0.1:9/unum-cloud/uform3-image-text-english-small/resolve/main/"))
        #expect(result.stderr.contains("models import"))
        #expect(!FileManager.default.fileExists(atPath: storage.appendingPathComponent("models/clip/uform3-image-text-english-small").path))
    }
}
