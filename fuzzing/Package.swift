// swift-tools-version:6.1
// libFuzzer targets for Viewfinder's parsers of untrusted input. A separate package so the main build and CI never
// compile the fuzzers or their sanitizer-instrumented dependencies; `make fuzz` builds it with
// `-Xswiftc -sanitize=fuzzer,address`. It depends on the main package by path, whose identity is its folder name.
import Foundation
import PackageDescription

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let viewfinder = root.lastPathComponent

func fuzzer(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: viewfinder) })
}

let package = Package(
    name: "ViewfinderFuzzing",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        fuzzer("fuzz-tokenizer", ["Tokenizers"]),
        fuzzer("fuzz-tokenizer-json", ["Tokenizers"]),
        fuzzer("fuzz-query", ["ViewfinderCore"]),
        fuzzer("fuzz-metadata", ["ViewfinderImaging"]),
        fuzzer("fuzz-model-config", ["ViewfinderVision", "ViewfinderCore"]),
    ]
)
