// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

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

        // Thin safe wrappers over the C libraries.
        .target(name: "OnnxRuntime", dependencies: ["COnnxRuntime"], swiftSettings: strictSettings),
        .target(name: "Tokenizers", swiftSettings: strictSettings),
        .target(name: "MariaDBClient", dependencies: ["CMariaDB"], swiftSettings: strictSettings),
        .target(name: "CVectorKernels"),
        .target(name: "VectorIndex", dependencies: ["CVectorKernels"], swiftSettings: strictSettings),

        // Domain: pure values and protocols.
        .target(name: "ViewfinderCore", swiftSettings: strictSettings),

        // The SQL the catalog backends share: filter, order and write statements, parameterised by a dialect.
        .target(name: "ViewfinderSQL", dependencies: ["ViewfinderCore"], swiftSettings: strictSettings),

        // Adapters implementing the domain protocols.
        .target(
            name: "ViewfinderImaging",
            dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio"), 
                "CVips", "CJPEG", "ViewfinderCore",
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ViewfinderVision",
            dependencies: [
                "OnnxRuntime", "Tokenizers", "ViewfinderCore",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ViewfinderFileSystem",
            dependencies: [
                "ViewfinderCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ViewfinderSQLite",
            dependencies: ["ViewfinderCore", "ViewfinderSQL", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ViewfinderMariaDB",
            dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio"), "ViewfinderCore", "ViewfinderSQL", "MariaDBClient", .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ViewfinderPostgres",
            dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio"), 
                "ViewfinderCore", "ViewfinderSQL",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // The in-process vector index: a PhotoCatalog decorator for backends without vector SQL. An adapter like the
        // database ones (it implements a domain protocol with a lower-level library), so Services stay Core-only.
        .target(
            name: "ViewfinderVectorSearch",
            dependencies: ["ViewfinderCore", "VectorIndex", .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: strictSettings
        ),

        // Use cases: scanning, indexing, searching. Only know the domain.
        .target(
            name: "ViewfinderServices",
            dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio"), 
                "ViewfinderCore", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),

        // HTTP API and web UI: routes, request/response types, error mapping. Only knows the domain and services.
        .target(
            name: "ViewfinderHTTP",
            dependencies: [
                "ViewfinderCore", "ViewfinderServices",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),

        // The one place that knows every adapter and builds the application.
        .target(
            name: "ViewfinderApp",
            dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio"), 
                "ViewfinderCore", "ViewfinderServices", "ViewfinderImaging", "ViewfinderVision",
                "ViewfinderSQLite", "ViewfinderPostgres", "ViewfinderMariaDB", "ViewfinderFileSystem", "OnnxRuntime",
                "ViewfinderHTTP", "ViewfinderVectorSearch", "VectorIndex",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "viewfinder",
            dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio"), 
                "ViewfinderApp", "ViewfinderCore", "ViewfinderServices", "ViewfinderVision", "ViewfinderHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // Benchmarks against reference implementations (`make bench-…`), kept out of the main binary.
        .executableTarget(
            name: "ViewfinderBenchmarks",
            dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio"), 
                "Tokenizers", "VectorIndex", "OnnxRuntime", "ViewfinderImaging", "ViewfinderCore", "ViewfinderVectorSearch",
                "ViewfinderSQLite", "ViewfinderVision", "ViewfinderFileSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),

        // Tests.
        .target(
            name: "ViewfinderTestSupport",
            dependencies: [
                "ViewfinderCore", "MariaDBClient",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ViewfinderTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(name: "OnnxRuntimeTests", dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio"), "OnnxRuntime", "COnnxRuntime", "ViewfinderTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "VectorIndexTests", dependencies: ["VectorIndex"], swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderVectorSearchTests",
            dependencies: [
                "ViewfinderVectorSearch", "VectorIndex", "ViewfinderSQLite", "ViewfinderCore", "ViewfinderTestSupport",
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "TokenizersTests", dependencies: ["Tokenizers", "ViewfinderTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ViewfinderCoreTests", dependencies: ["ViewfinderCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderAppTests",
            dependencies: [
                "ViewfinderApp", "ViewfinderHTTP", "ViewfinderPostgres", "ViewfinderMariaDB", "OnnxRuntime", "ViewfinderImaging",
                "ViewfinderTestSupport", "VectorIndex", "ViewfinderCore", "ViewfinderServices", "ViewfinderVision",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderImagingTests",
            dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio"), "ViewfinderImaging", "ViewfinderCore", "CJPEG", "ViewfinderTestSupport", .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ViewfinderVisionTests",
            dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio"), 
                "ViewfinderVision", "OnnxRuntime", "Tokenizers", "ViewfinderCore", "ViewfinderTestSupport",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ViewfinderFileSystemTests",
            dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio"), "ViewfinderFileSystem", "ViewfinderCore", "ViewfinderTestSupport", .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MariaDBClientTests",
            dependencies: ["MariaDBClient", "ViewfinderTestSupport", .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ViewfinderStorageContractTests",
            dependencies: [
                "ViewfinderCore", "ViewfinderSQLite", "ViewfinderPostgres", "ViewfinderMariaDB", "MariaDBClient",
                "ViewfinderServices", "ViewfinderTestSupport", "ViewfinderVectorSearch", "VectorIndex",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ViewfinderSQLTests", dependencies: ["ViewfinderSQL", "ViewfinderCore"], swiftSettings: strictSettings),
        .testTarget(name: "ViewfinderSQLiteTests", dependencies: ["ViewfinderSQLite", "ViewfinderCore", "ViewfinderTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "ViewfinderServicesTests",
            dependencies: [
                "ViewfinderServices", "ViewfinderCore", "ViewfinderTestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ViewfinderHTTPTests",
            dependencies: [
                "ViewfinderHTTP", "ViewfinderApp", "ViewfinderCore", "ViewfinderServices", "ViewfinderVision", "ViewfinderTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["ViewfinderTestSupport"], swiftSettings: strictSettings),
        // Checks of the source tree itself: declared dependencies, layering, no SQL in the domain.
        .testTarget(name: "ArchitectureTests", swiftSettings: strictSettings),
    ]
)
