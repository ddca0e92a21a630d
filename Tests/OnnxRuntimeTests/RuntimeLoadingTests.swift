import Foundation
import OnnxRuntime
import Testing
import ViewfinderTestSupport

/// Finding, loading and validating libonnxruntime.so.
@Suite("Loading the ONNX Runtime library")
struct RuntimeLoadingTests {
    @Test("a missing library gives a readable error naming the path")
    func missingLibrary() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("libonnxruntime.so").path
            let error = try #require(throws: OnnxRuntimeError.self) { try OnnxRuntime(libraryPath: path) }
            #expect(error.code == .libraryNotFound)
            #expect(error.message.contains(path))
            #expect(error.message.contains("make bootstrap"))
            #expect(error.message.contains("VIEWFINDER_ORT_LIBRARY"))
        }
    }

    @Test("when no candidate exists, the error lists every path tried")
    func noCandidateExists() throws {
        let directory = URL(fileURLWithPath: "/nonexistent-viewfinder-test-directory")
        let configured = directory.appendingPathComponent("configured.so").path
        let fromEnvironment = directory.appendingPathComponent("env.so").path
        let fallback = directory.appendingPathComponent("fallback.so").path
        let error = try #require(throws: OnnxRuntimeError.self) {
            try OnnxRuntime(
                configured: configured,
                environment: ["VIEWFINDER_ORT_LIBRARY": fromEnvironment],
                fallbacks: [fallback]
            )
        }
        #expect(error.code == .libraryNotFound)
        for path in [configured, fromEnvironment, fallback] {
            #expect(error.message.contains(path))
        }
    }

    @Test("a text file is rejected as not a library")
    func textFileAsLibrary() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("libonnxruntime.so")
            try Data("definitely not an ELF file\n".utf8).write(to: url)
            let error = try #require(throws: OnnxRuntimeError.self) { try OnnxRuntime(libraryPath: url.path) }
            #expect(error.code == .libraryInvalid)
            #expect(error.message.contains(url.path))
        }
    }

    @Test("a shared library without OrtGetApiBase is rejected")
    func foreignSharedLibrary() throws {
        let candidates = [
            "/lib/x86_64-linux-gnu/libm.so.6", "/usr/lib/x86_64-linux-gnu/libm.so.6",
            "/lib/aarch64-linux-gnu/libm.so.6", "/usr/lib/aarch64-linux-gnu/libm.so.6", "/lib64/libm.so.6",
        ]
        let libm = try #require(candidates.first { FileManager.default.fileExists(atPath: $0) })
        let error = try #require(throws: OnnxRuntimeError.self) { try OnnxRuntime(libraryPath: libm) }
        #expect(error.code == .libraryInvalid)
        #expect(error.message.contains("OrtGetApiBase"))
    }

    @Test("the library reports version 1.x and the CPU execution provider")
    func versionAndProviders() throws {
        let runtime = try Fixtures.runtime()
        #expect(runtime.version.hasPrefix("1."))
        // Bootstrap records the release it installed next to the library.
        let recorded = TestPaths.onnxRuntimeLibrary
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("VERSION")
        if let expected = try? String(contentsOf: recorded, encoding: .utf8) {
            #expect(runtime.version == expected.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(runtime.availableProviders.contains("CPUExecutionProvider"))
        #expect(runtime.libraryPath == TestPaths.onnxRuntimeLibrary.path)
    }

    @Test("several runtimes can coexist and share the process-wide environment")
    func severalRuntimes() throws {
        let first = try Fixtures.runtime()
        let second = try Fixtures.runtime()
        #expect(first.version == second.version)
    }

    @Test("locate prefers configured, then the environment variable, then fallbacks")
    func locateOrder() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let names = ["configured", "env", "fallback1", "fallback2"]
            let paths = names.map { directory.appendingPathComponent($0).path }
            let (configured, fromEnvironment, fallback1, fallback2) = (paths[0], paths[1], paths[2], paths[3])
            let environment = ["VIEWFINDER_ORT_LIBRARY": fromEnvironment]
            let fallbacks = [fallback1, fallback2]
            let locate = { OnnxRuntime.locate(configured: configured, environment: environment, fallbacks: fallbacks) }

            #expect(locate() == nil)
            #expect(
                OnnxRuntime.candidatePaths(configured: configured, environment: environment, fallbacks: fallbacks)
                    == [configured, fromEnvironment, fallback1, fallback2]
            )
            // Creating files from the back of the list forward: each new file must win over the previous one.
            for path in [fallback2, fallback1, fromEnvironment, configured] {
                try Data().write(to: URL(fileURLWithPath: path))
                #expect(locate() == path)
            }

            // Empty values are ignored rather than treated as the current directory.
            let fromEmpty = OnnxRuntime.locate(
                configured: "", environment: ["VIEWFINDER_ORT_LIBRARY": ""], fallbacks: [fallback1]
            )
            #expect(fromEmpty == fallback1)
        }
    }
}
