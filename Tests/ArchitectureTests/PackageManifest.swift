import Foundation

/// The targets of Package.swift as its text declares them, and the modules each target's sources import.
///
/// Read as text on purpose: the manifest is the one place dependencies are declared, and this check must see
/// what a reader sees there.
struct PackageManifest {
    /// One declared target.
    struct Target {
        /// The target's name.
        let name: String
        /// Where its sources are, relative to the package root.
        let path: String
        /// Target names and product names in its `dependencies:` list.
        let dependencies: Set<String>
    }

    /// The package's root folder.
    let root: URL
    /// Every target with a `dependencies:` list or sources, by name.
    let targets: [String: Target]

    /// Reads the manifest of the package this file belongs to.
    init() throws {
        root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        // Products named once (`static let nioPosix = Target.Dependency.product(name: "NIOPosix", …)`).
        var named: [String: String] = [:]
        for match in text.matches(of: /static let (\w+) = Target\.Dependency\.product\(name: "(\w+)"/) {
            named[String(match.1)] = String(match.2)
        }
        var found: [String: Target] = [:]
        let kinds = [".target(", ".testTarget(", ".executableTarget(", ".systemLibrary("]
        var index = text.startIndex
        while let start = kinds.compactMap({ text.range(of: $0, range: index..<text.endIndex) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let body = Self.balanced(text, from: start.upperBound)
            index = body.upperBound
            let declaration = String(text[body])
            guard let name = Self.firstQuoted(after: "name:", in: declaration) else { continue }
            let isTest = text[start].hasPrefix(".testTarget")
            let path = Self.firstQuoted(after: "path:", in: declaration) ?? (isTest ? "Tests/\(name)" : "Sources/\(name)")
            var dependencies: Set<String> = []
            if let list = declaration.range(of: "dependencies: [") {
                let items = String(declaration[Self.balanced(declaration, from: list.upperBound, open: "[", close: "]")])
                for product in Self.allQuoted(after: ".product(name:", in: items) { dependencies.insert(product) }
                for match in items.matches(of: /Library\.(\w+)/) {
                    dependencies.insert(named[String(match.1)] ?? "unknown Library.\(match.1)")
                }
                let withoutProducts = items.replacingOccurrences(
                    of: #"\.product\([^)]*\)"#, with: "", options: .regularExpression)
                for match in withoutProducts.matches(of: /"([A-Za-z0-9_]+)"/) { dependencies.insert(String(match.1)) }
            }
            found[name] = Target(name: name, path: path, dependencies: dependencies)
        }
        targets = found
    }

    /// The modules imported by the Swift files of `target`.
    func imports(of target: Target) throws -> Set<String> {
        let folder = root.appendingPathComponent(target.path)
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var modules: Set<String> = []
        for case let file as URL in walker where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = line.wholeMatch(
                    of: #/\s*(?:@testable |@_implementationOnly |public |package |internal )*import (?:struct |class |enum |protocol |func |typealias )?([A-Za-z0-9_]+)(?:\.[A-Za-z0-9_.]+)?\s*(?:\/\/.*)?/#)
                {
                    modules.insert(String(match.1))
                }
            }
        }
        return modules
    }

    /// The text between the bracket opened just before `from` and its matching close bracket.
    private static func balanced(
        _ text: String, from: String.Index, open: Character = "(", close: Character = ")"
    ) -> Range<String.Index> {
        var depth = 1
        var index = from
        while index < text.endIndex {
            let character = text[index]
            if character == open { depth += 1 }
            if character == close {
                depth -= 1
                if depth == 0 { return from..<index }
            }
            index = text.index(after: index)
        }
        return from..<text.endIndex
    }

    private static func firstQuoted(after key: String, in text: String) -> String? {
        allQuoted(after: key, in: text).first
    }

    private static func allQuoted(after key: String, in text: String) -> [String] {
        var values: [String] = []
        var index = text.startIndex
        while let range = text.range(of: key, range: index..<text.endIndex) {
            let rest = text[range.upperBound...]
            if let match = rest.prefixMatch(of: /\s*"([A-Za-z0-9_]+)"/) { values.append(String(match.1)) }
            index = range.upperBound
        }
        return values
    }
}
