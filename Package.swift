// swift-tools-version: 6.2
// Dangol (단골) — an open-source customer relationship platform.
// The module layout follows shared/DESIGN.md: a module may import only modules below it.
import PackageDescription

var swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "dangol",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dangol", targets: ["dangol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        // Domain types, validation and normalisation. Pure: no I/O, no clock, no dependencies.
        .target(name: "DangolCore", swiftSettings: swiftSettings),
        // Identity resolution: comparators, Fellegi–Sunter matching with EM, blocking, clustering, survivorship
        // rules for merges, synthetic data with known truth. Pure: no I/O, no clock, no database.
        .target(name: "DangolIdentity", dependencies: ["DangolCore"], swiftSettings: swiftSettings),
        // Customer analytics: purchase summaries, BG/NBD and Gamma–Gamma with CLV, RFM, Pareto, value matrix,
        // association rules, churn risk, customer equity. Pure: no I/O, no clock, no database.
        .target(name: "DangolAnalytics", dependencies: ["DangolCore"], swiftSettings: swiftSettings),
        // Streaming RFC 4180 CSV reading with line numbers and legacy Korean encodings (CP949/EUC-KR).
        .target(name: "DangolCSV", swiftSettings: swiftSettings),
        // The only module that speaks SQL: migrations and repositories over SQLite and PostgreSQL.
        .target(
            name: "DangolStore",
            dependencies: [
                "DangolCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Use cases: customers, consent, imports/exports, users and tokens, audit, encryption of personal data.
        .target(
            name: "DangolApp",
            dependencies: [
                "DangolCore", "DangolStore", "DangolCSV", "DangolIdentity", "DangolAnalytics",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // HTTP API, console, authentication, problem+json, OpenAPI document, health and metrics.
        .target(
            name: "DangolServer",
            dependencies: [
                "DangolCore", "DangolApp", "DangolAnalytics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command-line tool: serve, migrate, demo, import, export, dedupe, user, token, bench.
        .executableTarget(
            name: "dangol",
            dependencies: [
                "DangolCore", "DangolApp", "DangolServer", "DangolStore", "DangolAnalytics", "DangolCSV",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Shared test helpers: "run this on SQLite and on PostgreSQL", data builders.
        .target(
            name: "DangolTestSupport",
            dependencies: ["DangolCore", "DangolStore", "DangolApp"],
            path: "Tests/DangolTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "DangolCoreTests", dependencies: ["DangolCore"], swiftSettings: swiftSettings),
        .testTarget(name: "DangolCSVTests", dependencies: ["DangolCSV"], swiftSettings: swiftSettings),
        .testTarget(name: "DangolIdentityTests", dependencies: ["DangolIdentity"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DangolAnalyticsTests",
            dependencies: ["DangolAnalytics"],
            resources: [.copy("Vectors")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DangolStoreTests",
            dependencies: ["DangolStore", "DangolTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DangolAppTests",
            dependencies: ["DangolApp", "DangolAnalytics", "DangolTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DangolServerTests",
            dependencies: [
                "DangolServer", "DangolTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
