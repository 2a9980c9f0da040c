#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hummingbird
public import Logging
import ServiceLifecycle
public import UnixSignals

/// The entry point every service's `main.swift` calls:
///
/// ```swift
/// import GridRuntime
/// import IntakeService
///
/// await ServiceRunner.main(IntakeService.self)
/// ```
///
/// 1. loads the configuration from the environment; on any problem prints one message listing
///    every missing or invalid setting to standard error and exits with status 78 (`EX_CONFIG`);
/// 2. bootstraps swift-log (JSON or text) and swift-metrics (Prometheus) — the only place that does;
/// 3. builds the application (``ServiceApplication/build(_:configuration:settings:logger:metrics:)``);
/// 4. runs it in a `ServiceGroup` that shuts down gracefully on SIGTERM and SIGINT, bounded by
///    `SHUTDOWN_GRACE_SECONDS` (after which remaining work is cancelled), and exits 0, or 1 on failure.
public enum ServiceRunner {
    /// Runs the service until it is stopped; never returns.
    public static func main<S: GridService>(_ service: S.Type, source: ConfigurationSource = .environment()) async -> Never {
        let configuration: ServiceConfiguration
        let settings: S.Settings
        do {
            let loaded = try ServiceConfiguration.load(service: S.name, usesKafka: S.usesKafka, source: source, extra: S.Settings.self)
            configuration = loaded.0
            settings = loaded.1
        } catch {
            writeToStandardError(error.description + "\n")
            exit(78)
        }

        ServiceLogging.bootstrap(configuration)
        let metrics = ServiceMetrics()
        metrics.bootstrap()
        let logger = Logger(label: S.name)

        do {
            try await run(service, configuration: configuration, settings: settings, logger: logger, metrics: metrics)
            logger.info("stopped")
            exit(0)
        } catch {
            logger.critical("service failed", metadata: ["error": .string(String(reflecting: error))])
            exit(1)
        }
    }

    /// Builds and runs the service with explicit dependencies (no global bootstrapping), until a
    /// signal in `signals` or a failure stops it.
    public static func run<S: GridService>(
        _ service: S.Type, configuration: ServiceConfiguration, settings: S.Settings, logger: Logger, metrics: ServiceMetrics,
        signals: [UnixSignal] = [.sigterm, .sigint]
    ) async throws {
        let (application, _) = try await ServiceApplication.build(
            service, configuration: configuration, settings: settings, logger: logger, metrics: metrics)
        // The announcer comes last, so it is the first to hear of the shutdown.
        let announcer = ShutdownAnnouncer(logger: logger, bound: configuration.lifecycle.shutdownGracePeriod)
        var groupConfiguration = ServiceGroupConfiguration(
            services: [.init(service: application), .init(service: announcer, successTerminationBehavior: .ignore)],
            gracefulShutdownSignals: signals, logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = configuration.lifecycle.shutdownGracePeriod
        logger.info(
            "starting",
            metadata: [
                "http.host": .string(configuration.http.host), "http.port": .stringConvertible(configuration.http.port),
                "database.schema": .string(configuration.database.schema),
            ])
        try await ServiceGroup(configuration: groupConfiguration).run()
    }

    private static func writeToStandardError(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            _ = write(2, buffer.baseAddress, buffer.count)
        }
    }
}

/// Logs once when graceful shutdown begins, so operators see it in the service's own log.
struct ShutdownAnnouncer: Service, CustomStringConvertible {
    let logger: Logger
    let bound: Duration
    var description: String { "ShutdownAnnouncer" }

    func run() async throws {
        guard (try? await gracefulShutdown()) != nil else { return }
        logger.info(
            "shutting down: HTTP, then consumers, then producers, then the database pool",
            metadata: ["shutdown.bound": .stringConvertible(bound)])
    }
}
