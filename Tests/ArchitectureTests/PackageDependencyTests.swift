import Foundation
import Testing

/// Package.swift declares what every target imports, and the layers only point inward.
@Suite struct PackageDependencyTests {
    /// Modules of the toolchain, available to every target without a declaration.
    static let toolchain: Set<String> = [
        "Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Darwin", "Musl", "Synchronization", "Testing",
        "XCTest", "Swift", "_Concurrency", "RegexBuilder",
    ]

    @Test func everyImportedModuleIsDeclared() throws {
        let manifest = try PackageManifest()
        #expect(manifest.targets.count > 20, "the manifest reader found the targets")
        var undeclared: [String] = []
        for target in manifest.targets.values.sorted(by: { $0.name < $1.name }) {
            let missing = try manifest.imports(of: target).subtracting(Self.toolchain).subtracting(target.dependencies)
                .subtracting([target.name])
            undeclared += missing.sorted().map { "\(target.name) imports \($0)" }
        }
        #expect(undeclared.isEmpty, "declare these in Package.swift: \(undeclared.joined(separator: "; "))")
    }

    @Test func everyDeclaredDependencyIsImported() throws {
        let manifest = try PackageManifest()
        var unused: [String] = []
        for target in manifest.targets.values.sorted(by: { $0.name < $1.name }) {
            let imports = try manifest.imports(of: target)
            guard !imports.isEmpty else { continue }
            unused += target.dependencies.subtracting(imports).sorted().map { "\(target.name) declares \($0)" }
        }
        #expect(unused.isEmpty, "remove these from Package.swift or use them: \(unused.joined(separator: "; "))")
    }

    /// Which of our targets each layer may import (Core imports none of ours).
    static let allowed: [String: Set<String>] = [
        "ViewfinderCore": [],
        "ViewfinderServices": ["ViewfinderCore"],
        "ViewfinderHTTP": ["ViewfinderCore", "ViewfinderServices"],
        "ViewfinderSQL": ["ViewfinderCore"],
        "ViewfinderSQLite": ["ViewfinderCore", "ViewfinderSQL"],
        "ViewfinderPostgres": ["ViewfinderCore", "ViewfinderSQL"],
        "ViewfinderMariaDB": ["ViewfinderCore", "ViewfinderSQL", "MariaDBClient"],
        "ViewfinderVectorSearch": ["ViewfinderCore", "VectorIndex"],
        "ViewfinderImaging": ["ViewfinderCore", "CVips", "CJPEG"],
        "ViewfinderVision": ["ViewfinderCore", "OnnxRuntime", "Tokenizers"],
        "ViewfinderFileSystem": ["ViewfinderCore"],
    ]

    @Test func layersPointInward() throws {
        let manifest = try PackageManifest()
        let ours = Set(manifest.targets.keys)
        var violations: [String] = []
        for (name, allowed) in Self.allowed.sorted(by: { $0.key < $1.key }) {
            guard let target = manifest.targets[name] else { continue }
            let inward = try manifest.imports(of: target).intersection(ours).subtracting(allowed)
            violations += inward.sorted().map { "\(name) imports \($0)" }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "; "))")
    }
}
