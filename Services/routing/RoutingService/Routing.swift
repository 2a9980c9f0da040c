public import GridDomain
public import GridRuntime
public import Hummingbird
public import Logging
public import PostgresNIO
public import ServiceLifecycle

/// The `routing` service (the command centre), plugged into the common scaffold (`ServiceRunner`).
///
/// Wiring only: the city is loaded once here; the lifecycle consumer (``LifecycleHandler``) keeps
/// replicas and dispatches; ``RoutingAPI`` serves disposal units and dispatchers; the outbox relay
/// publishes what both produce. See `docs/services/routing.md`.
public struct Routing: GridService {
    /// The service name used in logs, metrics and configuration.
    public static let name = "routing"

    /// The loaded city.
    public let city: RoutingCity
    /// The HTTP API.
    public let api: RoutingAPI
    /// The lifecycle consumer's handler.
    public let handler: LifecycleHandler
    let schema: PostgresIdentifier
    let settings: RoutingSettings
    /// The Kafka producer and the outbox relay (publishing).
    public let producers: [any Service]
    /// The Kafka consumer and the lifecycle `EventConsumer`.
    public let consumers: [any Service]
    /// `broker`: Kafka answers a metadata request.
    public let readinessChecks: [ReadinessCheck]

    /// Builds the service: loads the city (a bad city file stops the start with its file and line).
    public init(resources: ServiceResources<RoutingSettings>) async throws {
        let settings = resources.settings
        let city = try RoutingCity.load(settings: settings)
        let schema = try PostgresIdentifier(resources.configuration.database.schema)
        let dispatcher = Dispatcher(resolver: city.resolver, units: city.units)
        let metrics = RoutingMetrics(factory: resources.metrics.factory)
        let outbox = Outbox(schema: schema)
        self.city = city
        self.schema = schema
        self.settings = settings
        let handler = LifecycleHandler(lifecycle: city.lifecycle, dispatcher: dispatcher)
        self.handler = handler
        let messaging = try ServiceMessaging(resources: resources, outbox: outbox)
        self.producers = messaging.producers
        self.consumers = try LifecycleConsumer.services(
            messaging: messaging, settings: settings, handler: handler, metrics: metrics, logger: resources.logger)
        self.readinessChecks = [messaging.brokerReadiness]
        self.api = RoutingAPI(
            commands: RoutingCommands(
                client: resources.postgres, outbox: outbox, lifecycle: city.lifecycle, dispatcher: dispatcher, metrics: metrics),
            queries: RoutingQueries(client: resources.postgres), city: city, metrics: metrics)
        resources.logger.info(
            "city loaded",
            metadata: [
                "grids": .stringConvertible(city.reference.places.grids.count),
                "units": .stringConvertible(city.units.units.count),
                "rules": .stringConvertible(city.resolver.list.rules.count),
                "list_version": .string(city.resolver.list.version),
            ])
    }

    /// Applies the platform migrations (outbox, inbox), then routing's own.
    public func migrate(client: PostgresClient, logger: Logger) async throws {
        try await MigrationRunner(configuration: .init(schema: schema), logger: logger).run(RoutingSchema.migrations, on: client)
    }

    /// Adds the `/v1` routes.
    public func addRoutes(to router: Router<GridRequestContext>) {
        api.add(to: router)
    }
}
