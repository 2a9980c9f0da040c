public import Hummingbird
import HTTPTypes
public import Logging
import PostgresNIO
import ServiceLifecycle

/// Builds the Hummingbird application of a ``GridService`` — the `buildApplication` used by both
/// `main` (through ``ServiceRunner``) and the tests (`app.test(.live)`).
///
/// Service order in the application (a `ServiceGroup` stops members in reverse order):
/// `PostgresClient`, migration step, inbox pruner (when ``GridService/prunesInbox``), producers,
/// consumers, then the HTTP server (added last by Hummingbird). So on shutdown: HTTP drains first,
/// consumers finish and commit, the relay and producer flush, the pruner finishes its batch in
/// flight, and the pool closes last.
///
/// Middleware, outermost first: request id, HTTP metrics, problem mapping; then `/health/live`,
/// `/health/ready`, `/metrics` (when enabled); then ``JWTAuthenticator`` and the service's routes.
public enum ServiceApplication {
    /// Builds the application.
    /// - Parameters:
    ///   - service: The service type.
    ///   - configuration: Loaded common configuration.
    ///   - settings: The service's own settings.
    ///   - logger: The service logger (in `main`, from the bootstrapped log system).
    ///   - metrics: Registry and factory; `/metrics` renders its registry.
    /// - Returns: the application and the service instance (tests inspect it).
    public static func build<S: GridService>(
        _ service: S.Type, configuration: ServiceConfiguration, settings: S.Settings, logger: Logger, metrics: ServiceMetrics
    ) async throws -> (application: Application<RouterResponder<GridRequestContext>>, service: S) {
        let postgres = PostgresClient(configuration: configuration.database.postgresClientConfiguration, backgroundLogger: logger)
        let instance = try await S(
            resources: ServiceResources(
                configuration: configuration, settings: settings, postgres: postgres, logger: logger, metrics: metrics))

        let migrationsApplied = ReadinessFlag()
        let gate = StartupGate()
        let migrationStep = MigrationStep(
            migrate: { client, logger in try await instance.migrate(client: client, logger: logger) },
            client: postgres, logger: logger, applied: migrationsApplied, gate: gate)

        let probe = ReadinessProbe(
            checks: [
                .database(postgres, logger: logger),
                .flag("migrations", migrationsApplied, whileUnset: "migrations not yet applied"),
            ] + instance.readinessChecks,
            timeout: configuration.lifecycle.healthCheckTimeout, logger: logger)

        let router = Router(context: GridRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: HTTPMetricsMiddleware(factory: metrics.factory))
        router.add(middleware: ProblemMiddleware())
        HealthRoutes<GridRequestContext>(probe: probe).add(to: router)
        if configuration.metrics.enabled {
            router.get("/metrics") { _, _ -> Response in
                Response(
                    status: .ok,
                    headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
            }
        }
        let verifier = try await TokenVerifier(configuration: configuration.auth)
        router.add(middleware: JWTAuthenticator<GridRequestContext>(verifier: verifier))
        instance.addRoutes(to: router)

        var services: [any Service] = [postgres, migrationStep]
        if S.prunesInbox {
            let pruner = InboxPruner(
                schema: try PostgresIdentifier(configuration.database.schema), client: postgres,
                configuration: configuration.inboxPruning, logger: logger, metricsFactory: metrics.factory)
            services.append(AfterStartup(service: pruner, gate: gate))
        }
        services += instance.producers.map { AfterStartup(service: $0, gate: gate) as any Service }
        services += instance.consumers.map { AfterStartup(service: $0, gate: gate) as any Service }
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.http.host, port: configuration.http.port),
                serverName: configuration.serviceName),
            services: services,
            logger: logger)
        return (application, instance)
    }
}
