import Foundation
import OnnxRuntime
import ViewfinderTestSupport

/// Shared helpers for loading the runtime and writing generated models.
enum Fixtures {
    /// Loads the real library; throws (failing the test) when it is missing.
    static func runtime() throws -> OnnxRuntime {
        try OnnxRuntime(libraryPath: TestPaths.onnxRuntimeLibrary.path, logLevel: .error)
    }

    /// Writes `model` to a temporary file and opens a session on it with the real library.
    ///
    /// The file is deleted once the session exists: ONNX Runtime has read it completely by then.
    static func session(
        _ model: OnnxModelBuilder,
        name: String,
        options: SessionOptions = SessionOptions()
    ) throws -> InferenceSession {
        try withModelFile(model, name: name) { path in
            try InferenceSession(runtime: runtime(), modelPath: path, options: options)
        }
    }

    /// Runs `body` with the path of `model` written to a temporary file, deleted afterwards.
    static func withModelFile<Result>(
        _ model: OnnxModelBuilder,
        name: String,
        _ body: (String) throws -> Result
    ) throws -> Result {
        try withTemporaryDirectory { directory in
            try body(model.write(to: directory, name: name))
        }
    }

    /// Runs `body` with a fresh empty directory, deleted with its contents afterwards.
    static func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
        let directory = try TestPaths.makeTemporaryDirectory("ort-tests")
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    /// The deterministic image input shared with the Python goldens: `Float(Double((i * 7919) % 1000) / 500 - 1)`.
    ///
    /// Computed in Double and rounded once, exactly like the generator script, so both sides agree bit for bit.
    static func goldenImageInput(count: Int) -> [Float] {
        (0..<count).map { Float(Double(($0 * 7919) % 1000) / 500.0 - 1.0) }
    }

    /// The process's resident set size in bytes, from /proc/self/statm.
    static func residentBytes() throws -> Int {
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else {
            throw FixtureError("Unexpected /proc/self/statm contents: \(statm)")
        }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// A test-setup failure with a message.
struct FixtureError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    /// Creates an error with a message.
    init(_ description: String) { self.description = description }
}
