import GridDomain
public import GridRuntime
public import Hummingbird
public import Logging
public import PostgresNIO
public import ServiceLifecycle

/// The `assessment` service (考核评价), plugged into the common scaffold (`ServiceRunner`): it records
/// every event of `gridloop.case.lifecycle` into its fact tables and serves the basic indicators at
/// `GET /v1/indicators`. See `docs/services/assessment.md`.
///
/// Kafka is wired through `ServiceMessaging`: the producer (dead letters; the relay of an outbox the
/// service never writes to), one consumer group on the lifecycle topic whose batches the
/// ``LifecycleFactsHandler`` records in one transaction each, and the broker readiness check.
public struct Assessment: GridService {
    /// The service name used in logs, metrics and configuration.
    public static let name = "assessment"

    /// The city (places, catalog, units) loaded at start-up.
    public let city: AssessmentCity
    /// The Kafka producer and the outbox relay.
    public let producers: [any Service]
    /// The lifecycle consumer: the Kafka consumer and its `EventConsumer`.
    public let consumers: [any Service]
    /// `broker`.
    public let readinessChecks: [ReadinessCheck]
    let resources: ServiceResources<AssessmentSettings>

    /// Builds the service: loads the city from `GRIDLOOP_CITY_DIR` and sets up Kafka from `KAFKA_*`.
    /// - Throws: ``AssessmentError`` when the city directory is not set or a city file is invalid;
    ///   `ServiceMessagingError` when Kafka is not configured; `KafkaError` for invalid Kafka settings.
    public init(resources: ServiceResources<AssessmentSettings>) async throws {
        try await self.init(resources: resources, configureConsumer: { _ in })
    }

    /// Builds the service, letting `configureConsumer` adjust the lifecycle consumer (tests observe
    /// its batches).
    init(
        resources: ServiceResources<AssessmentSettings>,
        configureConsumer: (inout EventConsumer.Configuration) -> Void
    ) async throws {
        guard let directory = resources.configuration.cityDirectory else {
            throw AssessmentError(
                code: .cityDirectoryMissing,
                message: "GRIDLOOP_CITY_DIR is not set; the assessment service needs the city's places, catalog and units")
        }
        do {
            city = try AssessmentCity(directory: directory)
        } catch {
            throw AssessmentError(code: .cityDataInvalid, message: "cannot load the city from \(directory): \(error)")
        }
        self.resources = resources

        let outbox = Outbox(schema: try PostgresIdentifier(resources.configuration.database.schema))
        let messaging = try ServiceMessaging(resources: resources, outbox: outbox)
        let handler = LifecycleFactsHandler(
            projector: LifecycleFactProjector(logger: resources.logger, metricsFactory: resources.metrics.factory))
        producers = messaging.producers
        consumers = try messaging.consume(
            group: resources.settings.consumerGroup, topics: [ContractTopic.caseLifecycle],
            maxBatchSize: resources.settings.batchSize, configure: configureConsumer
        ) { events, transaction in
            try await handler.handle(events, in: transaction)
        }
        readinessChecks = [messaging.brokerReadiness]
    }

    /// Applies the platform migrations and the assessment schema's (`AssessmentMigrations`).
    public func migrate(client: PostgresClient, logger: Logger) async throws {
        try await AssessmentMigrations.apply(schema: resources.configuration.database.schema, on: client, logger: logger)
    }

    /// `GET /v1/indicators`.
    public func addRoutes(to router: Router<GridRequestContext>) {
        IndicatorRoutes(city: city, postgres: resources.postgres, logger: resources.logger).add(to: router)
    }
}
