import Foundation
import OnnxRuntime
import ViewfinderTestSupport

/// Shared helpers for loading the runtime and writing generated models.
enum Fixtures {
    /// Loads the real library; throws (failing the test) when it is missing.
    static func runtime() throws -> OnnxRuntime {
        try OnnxRuntime(libraryPath: TestPaths.onnxRuntimeLibrary.path, logLevel: .error)
    }

    /// Writes `model` into a fresh temporary directory and returns its path.
    static func write(_ model: OnnxModelBuilder, name: String) throws -> String {
        try model.write(to: TestPaths.makeTemporaryDirectory("ort-tests"), name: name)
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
    let description: String
    init(_ description: String) { self.description = description }
}
