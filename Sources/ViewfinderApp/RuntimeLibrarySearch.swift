import Foundation

/// Where to look for `libonnxruntime.so` when neither the configuration nor the environment names it.
enum RuntimeLibrarySearch {
    /// Next to the executable, then a `.vendor/onnxruntime/lib` folder (where `make bootstrap` puts it)
    /// in the executable's folder or up to four folders above, then the system library folders.
    static func fallbackPaths(executable: String = CommandLine.arguments.first ?? "") -> [String] {
        let name = "libonnxruntime.so"
        var paths: [String] = []
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        paths.append(folder.appendingPathComponent(name).path)
        paths.append(folder.deletingLastPathComponent().appendingPathComponent("lib/\(name)").path)
        for _ in 0..<5 {
            paths.append(folder.appendingPathComponent(".vendor/onnxruntime/lib/\(name)").path)
            folder = folder.deletingLastPathComponent()
        }
        paths += ["/usr/local/lib/\(name)", "/usr/lib/x86_64-linux-gnu/\(name)", "/usr/lib/\(name)"]
        return paths
    }
}
