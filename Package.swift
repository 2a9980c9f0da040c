// swift-tools-version: 6.2
//
// GridLoop: the grid-governance case loop (report → verify → file → dispatch → dispose → check → close
// → assess) as five Swift services on Kafka and PostgreSQL.
//
// Targets
//   Shared/CRDKafka      system library: the C API of librdkafka (>= 2.3, found by pkg-config)
//   Shared/GridKafka     thin Swift layer over librdkafka: producer, consumer, admin
//   Shared/GridDomain    pure domain: places, catalog, lifecycle, calendar, deadlines, 权责清单, contracts
//   Shared/GridRuntime   plumbing every service uses: config, logs, metrics, health, HTTP, auth,
//                        PostgreSQL migrations, transactional outbox + relay, inbox, dead letters
//   Services/<name>/     one library (consumers, HTTP routes, schema) + one thin executable each
//
// Benchmarks (ordo-one/benchmark) are only added when GRIDLOOP_BENCHMARKS=1, so ordinary builds skip them.
import PackageDescription

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The five services: (executable name, library module name).
let services: [(executable: String, module: String)] = [
    ("intake", "IntakeService"),
    ("routing", "RoutingService"),
    ("sla-monitor", "SLAMonitorService"),
    ("notification", "NotificationService"),
    ("assessment", "AssessmentService"),
]

let runtimeDependencies: [Target.Dependency] = [
    "GridDomain",
    "GridKafka",
    "GridRuntime",
    .product(name: "Hummingbird", package: "hummingbird"),
    .product(name: "PostgresNIO", package: "postgres-nio"),
    .product(name: "Logging", package: "swift-log"),
    .product(name: "Metrics", package: "swift-metrics"),
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
]

var targets: [Target] = [
    .systemLibrary(
        name: "CRDKafka",
        path: "Shared/CRDKafka",
        pkgConfig: "rdkafka",
        providers: [.apt(["librdkafka-dev (>= 2.3), or run scripts/bootstrap"])]
    ),
    .target(
        name: "GridKafka",
        dependencies: [
            "CRDKafka",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ],
        path: "Shared/GridKafka",
        swiftSettings: swiftSettings
    ),
    .target(
        name: "GridDomain",
        path: "Shared/GridDomain",
        swiftSettings: swiftSettings
    ),
    .target(
        name: "GridRuntime",
        dependencies: [
            "GridDomain",
            "GridKafka",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Configuration", package: "swift-configuration"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Crypto", package: "swift-crypto"),
        ],
        path: "Shared/GridRuntime",
        swiftSettings: swiftSettings
    ),
    .target(
        name: "TestSupport",
        dependencies: [
            "GridDomain",
            "GridKafka",
            "GridRuntime",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ],
        path: "Tests/TestSupport",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "GridDomainTests",
        dependencies: [
            "GridDomain",
            "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ],
        path: "Tests/GridDomainTests",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "GridKafkaTests",
        dependencies: ["GridKafka", "TestSupport"],
        path: "Tests/GridKafkaTests",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "GridRuntimeTests",
        dependencies: [
            "GridRuntime",
            "GridKafka",
            "TestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ],
        path: "Tests/GridRuntimeTests",
        swiftSettings: swiftSettings
    ),
]

// End-to-end tests: the README's local stack (scripts/dev: PostgreSQL, Tansu, the five services) driven from
// Swift (Tests/EndToEndTests/Support/LocalStack), and the static check of deploy/compose.yaml.
targets.append(
    .testTarget(
        name: "EndToEndTests",
        dependencies: [
            "GridDomain",
            "GridKafka",
            "GridRuntime",
            "TestSupport",
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Yams", package: "Yams"),
        ],
        path: "Tests/EndToEndTests",
        exclude: ["README.md"],
        swiftSettings: swiftSettings
    )
)

// gridloop-load: hotline work orders at a rate, lifecycle latencies (Benchmarks/README.md, scripts/load).
targets.append(
    .executableTarget(
        name: "gridloop-load",
        dependencies: [
            "GridDomain",
            "GridKafka",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Histogram", package: "hdrhistogram-swift"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ],
        path: "Benchmarks/LoadTool",
        swiftSettings: swiftSettings
    )
)

for service in services {
    targets.append(
        .target(
            name: service.module,
            dependencies: runtimeDependencies,
            path: "Services/\(service.executable)/\(service.module)",
            swiftSettings: swiftSettings
        )
    )
    // A service's test target exists once its folder does (services gain tests as they are built).
    let testFolder = "Tests/\(service.module)Tests"
    if FileManager.default.fileExists(atPath: "\(Context.packageDirectory)/\(testFolder)") {
        targets.append(
            .testTarget(
                name: "\(service.module)Tests",
                dependencies: [
                    .byName(name: service.module),
                    "GridDomain",
                    "GridKafka",
                    "GridRuntime",
                    "TestSupport",
                    .product(name: "HummingbirdTesting", package: "hummingbird"),
                    .product(name: "PostgresNIO", package: "postgres-nio"),
                ],
                path: testFolder,
                swiftSettings: swiftSettings
            )
        )
    }
    targets.append(
        .executableTarget(
            name: service.executable,
            dependencies: [
                .byName(name: service.module),
                "GridRuntime",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/\(service.executable)/Main",
            swiftSettings: swiftSettings
        )
    )
}

var dependencies: [Package.Dependency] = [
    .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
    .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
    .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
]

var products: [Product] = services.map { .executable(name: $0.executable, targets: [$0.executable]) }
products.append(.library(name: "GridDomain", targets: ["GridDomain"]))
products.append(.executable(name: "gridloop-load", targets: ["gridloop-load"]))

if ProcessInfo.processInfo.environment["GRIDLOOP_BENCHMARKS"] == "1" {
    dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"])
    )
    // 权责清单 resolve benchmark (see Benchmarks/README.md).
    targets.append(
        .executableTarget(
            name: "ResolveBenchmark",
            dependencies: ["GridDomain", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/ResolveBenchmark",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    )
    // Compared with librdkafka's rdkafka_performance by Benchmarks/kafka-producer.sh (a plain executable).
    targets.append(
        .executableTarget(
            name: "KafkaProducerBenchmark",
            dependencies: ["GridKafka", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/KafkaProducerBenchmark",
            swiftSettings: swiftSettings
        )
    )
    // Outbox relay throughput (see Benchmarks/README.md).
    targets.append(
        .executableTarget(
            name: "OutboxRelayBenchmark",
            dependencies: [
                "GridKafka",
                "GridRuntime",
                "TestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/OutboxRelayBenchmark",
            swiftSettings: swiftSettings
        )
    )
}

let package = Package(
    name: "GridLoop",
    platforms: [.macOS(.v15)],
    products: products,
    dependencies: dependencies,
    targets: targets,
    swiftLanguageModes: [.v6]
)
