import GridDomain
public import GridRuntime
public import Hummingbird
public import Logging
public import PostgresNIO
public import ServiceLifecycle

/// The `notification` service: tells units, command centres, dispatch desks and reporters about
/// dispatches, deadline cards, closings and cases waiting for manual dispatch.
///
/// Wiring only: the city and its notification rules are loaded at start-up (a bad file is a start-up
/// error naming the file and line); the lifecycle-topic consumer (``ServiceMessaging``: Kafka consumer,
/// inbox, dead letters to `gridloop.case.lifecycle.dlt`) records deliveries a batch at a time; the
/// ``DeliveryWorker`` sends them through the webhook and sink channels; ``NotificationRoutes`` serve
/// `/v1/deliveries` and `/v1/sink`. See `docs/services/notification.md`.
public struct Notifications: GridService {
    /// The service name used in logs, metrics and configuration.
    public static let name = "notification"

    /// The loaded city and rules.
    public let city: NotificationCity
    /// The lifecycle-topic handler.
    public let notifier: LifecycleNotifier
    /// The delivery worker.
    public let worker: DeliveryWorker
    /// The producer, outbox relay and broker check (the service publishes no events of its own; the
    /// producer carries its dead letters).
    let messaging: ServiceMessaging
    /// The Kafka consumer and the event consumer on the lifecycle topic, in start order.
    public let consumers: [any Service]
    let routes: NotificationRoutes
    let resources: ServiceResources<NotificationSettings>

    /// Loads the city and builds the consumer, the worker and the routes.
    /// - Throws: ``NotificationStartupError`` when the city directory is missing or a city file is bad;
    ///   `ServiceMessagingError` when Kafka is not configured.
    public init(resources: ServiceResources<NotificationSettings>) async throws {
        guard let cityDirectory = resources.configuration.cityDirectory else {
            throw NotificationStartupError.cityDirectoryMissing()
        }
        let rulesDirectory = resources.settings.rulesDirectory
        do {
            city = try NotificationCity(directory: cityDirectory, rulesDirectory: rulesDirectory)
        } catch {
            throw NotificationStartupError.cityFile(error)
        }
        resources.logger.info(
            "notification rules loaded",
            metadata: [
                "city_dir": "\(cityDirectory)", "routes": "\(city.rules.routes.count)", "templates": "\(city.rules.templates.count)",
                "contacts": "\(city.rules.contacts.contacts.count)",
            ])
        self.resources = resources
        notifier = LifecycleNotifier(city: city, metricsFactory: resources.metrics.factory)
        worker = DeliveryWorker(
            channels: [
                WebhookChannel(configuration: resources.settings.webhook),
                SinkChannel(client: resources.postgres, logger: resources.logger),
            ],
            client: resources.postgres, configuration: resources.settings.worker, logger: resources.logger,
            metricsFactory: resources.metrics.factory)
        routes = NotificationRoutes(client: resources.postgres)

        messaging = try ServiceMessaging(
            resources: resources, outbox: Outbox(schema: try PostgresIdentifier(resources.configuration.database.schema)))
        let notifier = notifier
        consumers = try messaging.consume(
            group: resources.settings.consumerGroup, topics: [ContractTopic.caseLifecycle], maxBatchSize: resources.settings.consumerBatchSize
        ) { events, transaction in
            try await notifier.handle(try events.map { try $0.requireEvent() }, in: transaction)
        }
    }

    /// Applies the platform migrations and the service's own (``NotificationSchema``).
    public func migrate(client: PostgresClient, logger: Logger) async throws {
        let schema = try PostgresIdentifier(resources.configuration.database.schema)
        try await MigrationRunner(configuration: .init(schema: schema), logger: logger).run(NotificationSchema.migrationSet, on: client)
    }

    /// Adds `/v1/deliveries` and `/v1/sink`.
    public func addRoutes(to router: Router<GridRequestContext>) {
        routes.add(to: router)
    }

    /// The producer, the outbox relay and the delivery worker, in start order: on shutdown, after the
    /// consumers, the worker stops first, then the relay, then the producer flushes.
    public var producers: [any Service] { messaging.producers + [worker] }

    /// `broker`: the Kafka cluster answers a metadata request.
    public var readinessChecks: [ReadinessCheck] { [messaging.brokerReadiness] }
}
