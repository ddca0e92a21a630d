public import Foundation

/// Locations of the repository's fixtures and bootstrapped tools, for tests.
public enum TestPaths {
    /// The repository root, found from this source file's location.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // ViewfinderTestSupport
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    /// The committed demo/test model in UForm3 layout.
    public static var tinyModel: URL {
        repositoryRoot.appendingPathComponent("models/viewfinder-test-tiny")
    }

    /// Reference outputs recorded with Python onnxruntime.
    public static var goldens: URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures/goldens")
    }

    /// The ONNX Runtime library: `VIEWFINDER_ORT_LIBRARY`, else where bootstrap puts it.
    public static var onnxRuntimeLibrary: URL {
        if let path = ProcessInfo.processInfo.environment["VIEWFINDER_ORT_LIBRARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.appendingPathComponent(".vendor/onnxruntime/lib/libonnxruntime.so")
    }

    /// A fresh, empty temporary directory.
    public static func makeTemporaryDirectory(_ label: String = "viewfinder-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
