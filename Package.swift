// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The products of the package dependencies, each named once. Every target lists exactly the modules it imports
/// (Tests/ArchitectureTests checks it).
enum Library {
    static let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
    static let asyncHTTPClient = Target.Dependency.product(name: "AsyncHTTPClient", package: "async-http-client")
    static let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
    static let cryptoExtras = Target.Dependency.product(name: "_CryptoExtras", package: "swift-crypto")
    static let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
    static let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")
    static let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
    static let hummingbirdTesting = Target.Dependency.product(name: "HummingbirdTesting", package: "hummingbird")
    static let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
    static let nioConcurrencyHelpers = Target.Dependency.product(name: "NIOConcurrencyHelpers", package: "swift-nio")
    static let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
    static let nioHTTP1 = Target.Dependency.product(name: "NIOHTTP1", package: "swift-nio")
    static let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
    static let nioSSL = Target.Dependency.product(name: "NIOSSL", package: "swift-nio-ssl")
    static let postgresNIO = Target.Dependency.product(name: "PostgresNIO", package: "postgres-nio")
    static let serviceLifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
    static let unixSignals = Target.Dependency.product(name: "UnixSignals", package: "swift-service-lifecycle")
    static let yams = Target.Dependency.product(name: "Yams", package: "Yams")
}

let package = Package(
    name: "Viewfinder",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "viewfinder", targets: ["viewfinder"]),
        .executable(name: "viewfinder-bench", targets: ["ViewfinderBenchmarks"]),
        // Libraries for the fuzzers in fuzzing/ (a separate package that depends on this one by path).
        .library(name: "Tokenizers", targets: ["Tokenizers"]),
        .library(name: "ViewfinderCore", targets: ["ViewfinderCore"]),
        .library(name: "ViewfinderImaging", targets: ["ViewfinderImaging"]),
        .library(name: "ViewfinderVision", targets: ["ViewfinderVision"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // C shims: the only places that see C declarations.
        .systemLibrary(name: "CVips", pkgConfig: "vips", providers: [.apt(["libvips-dev"])]),
        .systemLibrary(name: "COnnxRuntime"),
        .systemLibrary(name: "CMariaDB", pkgConfig: "libmariadb", providers: [.apt(["libmariadb-dev"])]),
        // One C function over libjpeg(-turbo): the reduced-precision decode of shrink-on-load `fast`, which
        // catches libjpeg's longjmp errors in C so they never cross Swift frames.
        .target(name: "CJPEG", linkerSettings: [.linkedLibrary("jpeg")]),
        .target(name: "CVectorKernels"),

        // Thin safe wrappers over the C libraries.
        .target(name: "OnnxRuntime", dependencies: ["COnnxRuntime"], swiftSettings: strictSettings),
        .target(name: "Tokenizers", swiftSettings: strictSettings),
        .target(name: "MariaDBClient", dependencies: ["CMariaDB"], swiftSettings: strictSettings),
        .target(name: "VectorIndex", dependencies: ["CVectorKernels"], swiftSettings: strictSettings),

        // Domain: pure values and protocols.
        .target(name: "ViewfinderCore", swiftSettings: strictSettings),

        // The SQL the catalog backends share: filter, order and write statements, parameterised by a dialect.
        .target(name: "ViewfinderSQL", dependencies: ["ViewfinderCore"], swiftSettings: strictSettings),

        // Adapters implementing the domain protocols. They never import each other.
        .target(
            name: "ViewfinderImaging",
            dependencies: ["ViewfinderCore", "CVips", "CJPEG", Library.nioConcurrencyHelpers, Library.nioPosix],
            swiftSettings: strictSettings),
        .target(
            name: "ViewfinderVision",
            dependencies: [
                "ViewfinderCore", "OnnxRuntime", "Tokenizers", Library.asyncHTTPClient, Library.crypto, Library.nioCore,
                Library.nioHTTP1, Library.nioPosix,
            ],
            swiftSettings: strictSettings),
        .target(
            name: "ViewfinderFileSystem",
            dependencies: ["ViewfinderCore", Library.crypto, Library.nioConcurrencyHelpers, Library.nioPosix],
            swiftSettings: strictSettings),
        .target(
            name: "ViewfinderSQLite",
            dependencies: ["ViewfinderCore", "ViewfinderSQL", Library.grdb],
            swiftSettings: strictSettings),
        .target(
            name: "ViewfinderMariaDB",
            dependencies: [
                "ViewfinderCore", "ViewfinderSQL", "MariaDBClient", Library.nioConcurrencyHelpers, Library.nioPosix,
            ],
            swiftSettings: strictSettings),
        .target(
            name: "ViewfinderPostgres",
            dependencies: [
                "ViewfinderCore", "ViewfinderSQL", Library.postgresNIO, Library.logging, Library.nioConcurrencyHelpers,
                Library.nioCore, Library.nioPosix, Library.nioSSL, Library.serviceLifecycle,
            ],
            swiftSettings: strictSettings),
        // The in-process vector index: the vector-search role for backends without vector SQL. An adapter like the
        // database ones (it implements a domain protocol with a lower-level library), so Services stay Core-only.
        .target(
            name: "ViewfinderVectorSearch",
            dependencies: ["ViewfinderCore", "VectorIndex", Library.nioPosix],
            swiftSettings: strictSettings),

        // Use cases: scanning, indexing, searching. Only know the domain.
        .target(
            name: "ViewfinderServices",
            dependencies: ["ViewfinderCore", Library.logging, Library.nioConcurrencyHelpers, Library.serviceLifecycle],
            swiftSettings: strictSettings),

        // HTTP API and web UI: routes, request/response types, error mapping. Only knows the domain and services.
        .target(
            name: "ViewfinderHTTP",
            dependencies: [
                "ViewfinderCore", "ViewfinderServices", Library.hummingbird, Library.httpTypes, Library.crypto,
                Library.cryptoExtras, Library.logging, Library.nioCore, Library.nioPosix, Library.serviceLifecycle,
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings),

        // The one place that knows every adapter and builds the application.
        .target(
            name: "ViewfinderApp",
            dependencies: [
                "ViewfinderCore", "ViewfinderServices", "ViewfinderHTTP", "ViewfinderImaging", "ViewfinderVision",
                "ViewfinderFileSystem", "ViewfinderSQLite", "ViewfinderPostgres", "ViewfinderMariaDB",
                "ViewfinderVectorSearch", "VectorIndex", "OnnxRuntime", Library.hummingbird, Library.logging,
                Library.nioConcurrencyHelpers, Library.nioPosix, Library.serviceLifecycle, Library.unixSignals,
                Library.yams,
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "viewfinder",
            dependencies: [
                "ViewfinderApp", "ViewfinderCore", "ViewfinderServices", "ViewfinderHTTP", "ViewfinderVision",
                Library.argumentParser, Library.logging, Library.nioConcurrencyHelpers,
            ],
            swiftSettings: strictSettings),

        // Benchmarks against reference implementations (`make bench-…`), kept out of the main binary.
        .executableTarget(
            name: "ViewfinderBenchmarks",
            dependencies: [
                "ViewfinderCore", "ViewfinderImaging", "ViewfinderVision", "ViewfinderFileSystem", "ViewfinderSQLite",
                "ViewfinderVectorSearch", "VectorIndex", "OnnxRuntime", "Tokenizers", Library.argumentParser,
                Library.nioConcurrencyHelpers, Library.nioPosix,
            ],
            swiftSettings: strictSettings),

        // Tests: one target per source target with logic, the shared storage contract suite, end-to-end tests,
        // and checks of the source tree itself.
        .target(
            name: "ViewfinderTestSupport",
            dependencies: ["ViewfinderCore", "MariaDBClient", Library.logging, Library.nioPosix, Library.postgresNIO],
            path: "Tests/ViewfinderTestSupport",
            swiftSettings: strictSettings),
        .testTarget(
            name: "OnnxRuntimeTests",
            dependencies: ["OnnxRuntime", "COnnxRuntime", "ViewfinderTestSupport", Library.nioConcurrencyHelpers],
            swiftSettings: strictSettings),
        .testTarget(name: "TokenizersTests", dependencies: ["Tokenizers", "ViewfinderTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "MariaDBClientTests", dependencies: ["MariaDBClient", "ViewfinderTestSupport", Library.nioPosix],
            swiftSettings: strictSettings),
        .testTarget(name: "VectorIndexTests", dependencies: ["VectorIndex"], swiftSettings: strictSettings),
        .testTarget(name: "ViewfinderCoreTests", dependencies: ["ViewfinderCore"], swiftSettings: strictSettings),
        .testTarget(name: "ViewfinderSQLTests", dependencies: ["ViewfinderSQL", "ViewfinderCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderSQLiteTests", dependencies: ["ViewfinderSQLite", "ViewfinderCore", "ViewfinderTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderStorageContractTests",
            dependencies: [
                "ViewfinderCore", "ViewfinderSQLite", "ViewfinderPostgres", "ViewfinderMariaDB", "MariaDBClient",
                "ViewfinderVectorSearch", "VectorIndex", "ViewfinderServices", "ViewfinderTestSupport", Library.logging,
                Library.nioPosix,
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderVectorSearchTests",
            dependencies: [
                "ViewfinderVectorSearch", "VectorIndex", "ViewfinderSQLite", "ViewfinderCore", "ViewfinderTestSupport",
                Library.nioPosix,
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderImagingTests",
            dependencies: [
                "ViewfinderImaging", "ViewfinderCore", "CJPEG", "ViewfinderTestSupport", Library.nioConcurrencyHelpers,
                Library.nioPosix,
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderVisionTests",
            dependencies: [
                "ViewfinderVision", "OnnxRuntime", "Tokenizers", "ViewfinderCore", "ViewfinderTestSupport", Library.crypto,
                Library.nioConcurrencyHelpers, Library.nioCore, Library.nioHTTP1, Library.nioPosix,
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderFileSystemTests",
            dependencies: [
                "ViewfinderFileSystem", "ViewfinderCore", "ViewfinderTestSupport", Library.nioConcurrencyHelpers,
                Library.nioPosix,
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderServicesTests",
            dependencies: [
                "ViewfinderServices", "ViewfinderCore", "ViewfinderTestSupport", Library.logging, Library.serviceLifecycle,
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderHTTPTests",
            dependencies: [
                "ViewfinderHTTP", "ViewfinderApp", "ViewfinderCore", "ViewfinderServices", "ViewfinderVision",
                "ViewfinderTestSupport", Library.hummingbird, Library.hummingbirdTesting, Library.httpTypes, Library.logging,
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderAppTests",
            dependencies: [
                "ViewfinderApp", "ViewfinderCore", "ViewfinderServices", "ViewfinderHTTP", "ViewfinderImaging",
                "ViewfinderVision", "ViewfinderPostgres", "ViewfinderMariaDB", "VectorIndex", "OnnxRuntime",
                "ViewfinderTestSupport", Library.logging,
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["ViewfinderTestSupport"], swiftSettings: strictSettings),
        // Checks of the source tree itself: declared dependencies, layering, no SQL in the domain.
        .testTarget(name: "ArchitectureTests", swiftSettings: strictSettings),
    ]
)
